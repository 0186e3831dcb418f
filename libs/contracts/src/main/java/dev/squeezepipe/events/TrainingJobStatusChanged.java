package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A training job moved on: ACCEPTED, RUNNING (with epoch and step), COMPLETED, FAILED (with a reason) or CANCELLED.
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param jobId the job
 * @param runId the run (one per job)
 * @param state ACCEPTED, RUNNING, COMPLETED, FAILED or CANCELLED
 * @param attempt 1 for the first trainer to take the job, +1 for each resume
 * @param epoch current epoch (1-based), 0 before training
 * @param epochs the epochs the run trains: with a time budget, the maximum until the end of the warmup, then the
 *     count the trainer has fitted by then (it refits after every epoch); 0 when the job was not understood
 * @param step optimizer steps done
 * @param reason why it failed or was cancelled, or null
 * @param trainer the trainer instance reporting
 * @param at when
 */
@Serdeable
public record TrainingJobStatusChanged(String schema, String jobId, String runId, JobState state, int attempt,
        int epoch, int epochs, long step, @Nullable String reason, String trainer, Instant at) implements Versioned {

    /**
     * Which of two statuses of one job stands: the later one, except that a cancellation stands against anything
     * after it (a running epoch may still report once after a user cancelled the job).
     */
    public static TrainingJobStatusChanged standing(TrainingJobStatusChanged old, TrainingJobStatusChanged now) {
        if (old.state() == JobState.CANCELLED) {
            return old;
        }
        return now.state() == JobState.CANCELLED || !now.at().isBefore(old.at()) ? now : old;
    }
}
