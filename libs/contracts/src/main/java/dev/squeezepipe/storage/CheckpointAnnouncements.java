package dev.squeezepipe.storage;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.spec.JobIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a checkpoint event must say before anything is loaded for it: the configured checkpoints bucket and the keys
 * the object layout gives its run, epoch and step. An event naming any other object (another bucket, a key of its
 * own choosing) would have a reader load, and a predictor serve, whatever that object holds.
 */
public final class CheckpointAnnouncements {

    /** How far ahead of this clock an event may say it was published; later would outrank every real checkpoint. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private CheckpointAnnouncements() {}

    /** Why {@code event} may not be followed when checkpoints live in {@code bucket}; empty when it may. */
    public static Optional<String> problem(CheckpointPublished event, String bucket) {
        String runId = event.runId();
        if (!bucket.equals(event.bucket())) {
            return Optional.of("announces bucket '" + event.bucket() + "', not the checkpoints bucket '" + bucket + "'");
        }
        if (!JobIds.isValid(runId)) {
            return Optional.of("run id: " + JobIds.whyInvalid(runId));
        }
        if (!(runId + "/" + event.epoch()).equals(event.checkpointId())) {
            return Optional.of("checkpoint id '" + event.checkpointId() + "' is not its run and epoch");
        }
        if (!ObjectLayout.checkpointSidecarKey(runId, event.epoch(), event.step()).equals(event.sidecarKey())
                || !ObjectLayout.checkpointParamsKey(runId, event.epoch(), event.step()).equals(event.paramsKey())) {
            return Optional.of("keys '" + event.sidecarKey() + "' and '" + event.paramsKey()
                    + "' are not the layout's for its run, epoch and step");
        }
        if (!Hashing.isSha256Hex(event.sha256())) {
            return Optional.of("sha256 '" + event.sha256() + "' is not 64 hex digits");
        }
        if (event.publishedAt() == null || event.publishedAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            return Optional.of("published at " + event.publishedAt() + ", in the future");
        }
        return Optional.empty();
    }
}
