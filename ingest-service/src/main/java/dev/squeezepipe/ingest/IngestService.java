package dev.squeezepipe.ingest;

import dev.squeezepipe.errors.Failures;
import dev.squeezepipe.events.IngestFailed;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.LeastRecentlyUsed;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues ingests and runs them one at a time on a worker thread, keeping each one's status. A failed ingest
 * is logged with its reason, counted, and published as an {@link IngestFailed} event; the service goes on.
 */
@Singleton
@Requires(env = "ingest")
public class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final DatasetIngestor ingestor;
    private final IngestEventsClient events;
    private final IngestMetrics metrics;
    /** Ingests that may wait behind the running one; one more is refused. */
    static final int MAX_QUEUED = 8;
    /** Statuses kept for GET /ingest/{id}, the least recently read dropped first. */
    private static final int STATUSES_KEPT = 1000;

    private final Map<String, IngestStatus> statuses = Collections.synchronizedMap(
            LeastRecentlyUsed.map(STATUSES_KEPT));
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED), r -> new Thread(r, "ingest-worker"));

    public IngestService(DatasetIngestor ingestor, IngestEventsClient events, IngestMetrics metrics) {
        this.ingestor = ingestor;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * Queues {@code request} and returns its status at once; a {@link RejectedExecutionException}
     * when {@link #MAX_QUEUED} wait already.
     */
    public IngestStatus submit(IngestRequest request) {
        String id = "ingest-" + UUID.randomUUID();
        IngestStatus queued = new IngestStatus(id, request.path(), IngestState.QUEUED, null, 0, 0, null);
        statuses.put(id, queued);
        try {
            worker.submit(() -> run(id, request));
        } catch (RejectedExecutionException full) {
            statuses.remove(id);
            throw full;
        }
        return queued;
    }

    /** Runs {@code request} on the calling thread and returns its final status. */
    public IngestStatus ingestNow(IngestRequest request) {
        return run("ingest-" + UUID.randomUUID(), request);
    }

    public Optional<IngestStatus> status(String ingestId) {
        return Optional.ofNullable(statuses.get(ingestId));
    }

    private IngestStatus run(String id, IngestRequest request) {
        Instant start = Instant.now();
        AtomicReference<String> datasetId = new AtomicReference<>();
        AtomicLong images = new AtomicLong();
        AtomicInteger shards = new AtomicInteger();
        statuses.put(id, new IngestStatus(id, request.path(), IngestState.RUNNING, null, 0, 0, null));
        IngestProgress progress = new IngestProgress() {
            @Override
            public void datasetIdentified(String dataset) {
                datasetId.set(dataset);
            }

            @Override
            public void shardStored(String split, int count, long bytes, boolean alreadyStored) {
                metrics.shardStored(split, count, bytes, alreadyStored);
                statuses.put(id, new IngestStatus(id, request.path(), IngestState.RUNNING, datasetId.get(),
                        images.addAndGet(count), shards.incrementAndGet(), null));
            }
        };
        IngestStatus done;
        try {
            ingestor.ingest(request, progress);
            metrics.completed(Duration.between(start, Instant.now()));
            done = new IngestStatus(id, request.path(), IngestState.COMPLETED, datasetId.get(), images.get(),
                    shards.get(), null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String reason = Failures.reason(e);
            LOG.error("Ingest {} of {} failed: {}", id, request.path(), reason);
            metrics.failed();
            done = new IngestStatus(id, request.path(), IngestState.FAILED, datasetId.get(), images.get(), shards.get(),
                    reason);
            publishFailure(id, request, reason);
        }
        statuses.put(id, done);
        return done;
    }

    private void publishFailure(String id, IngestRequest request, String reason) {
        try {
            events.ingestFailed(id, new IngestFailed(SchemaVersion.CURRENT, id, String.valueOf(request.path()), reason,
                    Instant.now()));
        } catch (RuntimeException e) {
            LOG.error("Could not publish the failure of ingest {}: {}", id, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
