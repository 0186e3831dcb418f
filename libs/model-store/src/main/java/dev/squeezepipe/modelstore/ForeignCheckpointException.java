package dev.squeezepipe.modelstore;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.storage.CheckpointAnnouncements;
import java.util.Optional;

/**
 * A checkpoint event that does not describe a stored checkpoint of this pipeline: another bucket or key, or a
 * sidecar whose hash or id is not the event's. Not a checkpoint that failed, so no evaluation is recorded for it:
 * the event goes to the dead letters.
 */
public class ForeignCheckpointException extends InvalidCheckpointException {

    private static final long serialVersionUID = 1L;

    public ForeignCheckpointException(String reason) {
        super(reason, null);
    }

    /** Fails when {@code event} does not name a checkpoint stored in {@code bucket} at its run's keys. */
    public static void check(CheckpointPublished event, String bucket) throws ForeignCheckpointException {
        Optional<String> problem = CheckpointAnnouncements.problem(event, bucket);
        if (problem.isPresent()) {
            throw new ForeignCheckpointException("checkpoint event " + event.checkpointId() + ": " + problem.get());
        }
    }
}
