package dev.squeezepipe.modelstore;

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
}
