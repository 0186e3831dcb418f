package dev.squeezepipe.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs PyTorch work on a thread of its own, whose OpenMP team ends with it. libgomp keeps a team of workers per
 * thread that has run a parallel PyTorch op, and once a process holds more OpenMP threads than CPUs, idle workers
 * spin 100 times instead of 300,000 before they sleep (GOMP_SPINCOUNT's documented throttling). A test-set scoring
 * left behind on a long-lived thread slowed every later training step in the same process by 10-20% here; work
 * that runs now and then (an evaluation, a benchmark loop) therefore runs here and leaves no team behind.
 */
public final class OwnThread {

    private OwnThread() {}

    /**
     * Runs {@code work} on a new thread named {@code name} with the engine's default intra-op threads, waits for
     * it, and returns its result or throws its error. Interrupting the caller interrupts the work, which stops at
     * its next check, and the caller gets an {@link InterruptedException} once it has.
     */
    public static <T> T call(String name, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            IntraOpThreads.use(0); // the engine's default, whatever another thread of the process set last
            return work.call();
        });
        Thread thread = new Thread(task, name);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            thread.join(); // the work holds native memory and an OpenMP team: let it end before returning
            throw e;
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
