package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobStatusChanged;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Publishes a job's status changes, signed with this trainer's id, and notes them in the local view. */
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

    public void report(String jobId, String runId, String status, int attempt, int epoch, long step, String reason) {
        TrainingJobStatusChanged change = new TrainingJobStatusChanged(jobId, runId, status, attempt, epoch, step,
                reason, settings.getInstanceId(), Instant.now());
        view.published(change);
        events.status(jobId, change);
    }
}
