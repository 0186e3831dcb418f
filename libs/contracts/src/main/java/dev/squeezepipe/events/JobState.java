package dev.squeezepipe.events;

/** Where a training job is: accepted by a trainer, training, or ended one of two ways. */
public enum JobState {
    /** A trainer took the job and is waiting for its data. */
    ACCEPTED,
    /** Epochs are training. */
    RUNNING,
    /** Every epoch trained and the last checkpoint is stored. */
    COMPLETED,
    /** The job stopped for a reason that a retry would not change; the status says which. */
    FAILED,
    /** A user cancelled the job (DELETE /jobs/{id}): it stops where it is, or never starts. */
    CANCELLED;

    /** Whether the job has ended: no trainer runs it again (a FAILED one only when it is resubmitted). */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
