package dev.squeezepipe.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs shard storage on one background thread while the caller goes on reading, with at most
 * {@code writeAhead} shards waiting. Tasks run in submission order; after the first failure no further task
 * runs, so nothing is stored or announced past a failed shard.
 */
final class ShardWriter implements AutoCloseable {

    /** One unit of storage work. */
    @FunctionalInterface
    interface Task {
        void run() throws IOException;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "shard-writer"));
    private final Semaphore slots;
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private volatile Throwable failure;

    ShardWriter(int writeAhead) {
        this.slots = new Semaphore(Math.max(1, writeAhead));
    }

    /** Queues {@code task}, waiting while {@code writeAhead} tasks are already queued; rethrows an earlier failure. */
    void submit(Task task) throws IOException, InterruptedException {
        rethrow();
        slots.acquire();
        pending.add(thread.submit(() -> {
            try {
                if (failure == null) {
                    task.run();
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                slots.release();
            }
        }));
        while (!pending.isEmpty() && pending.peek().isDone()) {
            pending.poll();
        }
    }

    /** Waits for every queued task; rethrows the first failure. */
    void drain() throws IOException, InterruptedException {
        for (Future<?> future; (future = pending.poll()) != null; ) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable first = failure;
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
