package dev.squeezepipe.trainer;

/** Lets a running job be stopped between steps (shutdown, or its partition moved to another trainer). */
public final class JobCancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when the job has been cancelled. */
    public void check() throws InterruptedException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("job cancelled");
        }
    }
}
