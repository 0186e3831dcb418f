package dev.squeezepipe.events;

/** How the evaluation of a checkpoint ended. */
public enum EvaluationOutcome {
    /** The test split was scored: the event carries the scores. */
    SCORED,
    /** The checkpoint could not be scored (hash, sidecar or shape mismatch): the event carries the reason. */
    FAILED
}
