package dev.squeezepipe.trainer;

import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.storage.RunLease;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fences a run's writes by attempt, through its {@link RunLease} in the checkpoints bucket: an attempt takes the
 * lease when it starts, and checks it before each checkpoint and status it writes. The check and the write are
 * two requests, so an attempt taken in between is seen at the next check; a newer attempt needs a whole epoch
 * before it writes a checkpoint, far longer than that gap.
 */
@Singleton
@Requires(env = "trainer")
public class RunFence {

    private static final Logger LOG = LoggerFactory.getLogger(RunFence.class);

    private final ObjectStore store;
    private final JsonMapper json;
    private final String bucket;
    private final String trainer;

    public RunFence(ObjectStore store, JsonMapper json, TrainerSettings settings) {
        this.store = store;
        this.json = json;
        this.bucket = settings.checkpointsBucket();
        this.trainer = settings.instanceId();
    }

    /**
     * Takes {@code runId} for a new attempt, numbered {@code attempt} unless an attempt of that number or later has
     * held it (the status view can lag the lease): then the one after it. The trainer taking the run is its owner
     * now, since its consumer was given the job's partition; whoever held it before is stale. Returns the attempt
     * number taken.
     */
    public int take(String runId, int attempt) throws IOException {
        int taken = lease(runId).map(held -> Math.max(attempt, held.attempt() + 1)).orElse(attempt);
        RunLease lease = new RunLease(SchemaVersion.CURRENT, runId, taken, trainer, Instant.now());
        store.ensureBucket(bucket);
        store.put(bucket, ObjectLayout.runLeaseKey(runId), json.writeValueAsBytes(lease), "application/json");
        return taken;
    }

    /** Passes while {@code attempt} on this trainer still holds {@code runId}; else a {@link StaleAttemptException}. */
    public void check(String runId, int attempt) throws IOException, StaleAttemptException {
        RunLease lease = lease(runId).orElse(null);
        if (lease != null && !lease.allows(attempt, trainer)) {
            throw new StaleAttemptException("run " + runId + " was taken by attempt " + lease.attempt() + " on "
                    + lease.trainer() + " at " + lease.takenAt() + "; attempt " + attempt + " on " + trainer
                    + " stops without writing");
        }
    }

    private Optional<RunLease> lease(String runId) throws IOException {
        String key = ObjectLayout.runLeaseKey(runId);
        if (!store.exists(bucket, key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(VersionedJson.read(json, store.get(bucket, key), RunLease.class));
        } catch (UnreadableRecordException e) {
            LOG.warn("Lease of run {} unreadable ({}); the next attempt to take the run rewrites it", runId,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
