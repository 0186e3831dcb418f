package dev.squeezepipe.trainer;

import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.schema.SchemaVersion;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Publishes a job's status changes, signed with this trainer's id, and notes them in the local view. A job has one
 * run, named after it.
 */
@Singleton
@Requires(env = "trainer")
public class JobReporter {

    private final TrainerEvents events;
    private final JobStatusView view;
    private final TrainerSettings settings;

    public JobReporter(TrainerEvents events, JobStatusView view, TrainerSettings settings) {
        this.events = events;
        this.view = view;
        this.settings = settings;
    }

    /** A trainer took the job: it will train {@code epochs} epochs (the maximum, with a time budget). */
    public void accepted(String jobId, int attempt, int epochs) {
        publish(jobId, JobState.ACCEPTED, attempt, 0, epochs, 0, null);
    }

    /** The job trains: {@code epoch} of {@code epochs} done (0 while its data loads), {@code step} steps in all. */
    public void running(String jobId, int attempt, int epoch, int epochs, long step) {
        publish(jobId, JobState.RUNNING, attempt, epoch, epochs, step, null);
    }

    /** The job trained all its {@code epochs} epochs in {@code step} steps. */
    public void completed(String jobId, int attempt, int epochs, long step) {
        publish(jobId, JobState.COMPLETED, attempt, epochs, epochs, step, null);
    }

    /** The job failed for {@code reason}; the status keeps the epoch and step it had reached. */
    public void failed(String jobId, int attempt, String reason) {
        TrainingJobStatusChanged last = view.latest(jobId).orElse(null);
        publish(jobId, JobState.FAILED, attempt, last == null ? 0 : last.epoch(), last == null ? 0 : last.epochs(),
                last == null ? 0 : last.step(), reason);
    }

    /** Reports {@code jobId} cancelled by a user, at the epoch it had reached. */
    public void cancelled(String jobId, String reason) {
        TrainingJobStatusChanged last = view.latest(jobId).orElse(null);
        publish(jobId, JobState.CANCELLED, last == null ? 0 : last.attempt(), last == null ? 0 : last.epoch(),
                last == null ? 0 : last.epochs(), last == null ? 0 : last.step(), reason);
    }

    private void publish(String jobId, JobState state, int attempt, int epoch, int epochs, long step, String reason) {
        TrainingJobStatusChanged change = new TrainingJobStatusChanged(SchemaVersion.CURRENT, jobId, jobId, state,
                attempt, epoch, epochs, step, reason, settings.instanceId(), Instant.now());
        view.published(change);
        events.status(jobId, change);
    }
}
