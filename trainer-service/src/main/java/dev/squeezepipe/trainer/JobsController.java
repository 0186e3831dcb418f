package dev.squeezepipe.trainer;

import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.modelstore.InvalidCheckpointException;
import dev.squeezepipe.spec.JobIds;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /jobs} publishes a training job (400 with the reason when it cannot run: unknown preset or variant,
 * impossible sizes); {@code GET /jobs/{id}} shows its newest status; {@code POST /jobs/{id}/resubmit} submits a
 * FAILED job again with the spec its newest checkpoint recorded, to resume from that checkpoint;
 * {@code DELETE /jobs/{id}} cancels a job waiting or running.
 */
@Controller("/jobs")
@Requires(env = "trainer")
public class JobsController {

    private final TrainerEvents events;
    private final JobStatusView view;
    private final CheckpointStore checkpoints;
    private final JobReporter reporter;

    public JobsController(TrainerEvents events, JobStatusView view, CheckpointStore checkpoints,
            JobReporter reporter) {
        this.events = events;
        this.view = view;
        this.checkpoints = checkpoints;
        this.reporter = reporter;
    }

    @Post
    public HttpResponse<Map<String, String>> submit(@Body JobRequest request) {
        TrainingJobSpec spec;
        try {
            spec = specOf(request);
            JobValidator.validate(spec); // refused here, at once; a dataset that never comes still fails on a trainer
        } catch (IllegalArgumentException | InvalidJobException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        }
        String jobId = request.jobId() != null ? request.jobId() : "job-" + UUID.randomUUID();
        if (!JobIds.isValid(jobId)) {
            return HttpResponse.badRequest(Map.of("error", JobIds.whyInvalid(jobId)));
        }
        events.submit(jobId, new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, spec, Instant.now()));
        return HttpResponse.accepted().body(Map.of("jobId", jobId));
    }

    @Get("/{jobId}")
    public Optional<TrainingJobStatusChanged> status(String jobId) {
        return view.latest(jobId);
    }

    /**
     * Submits the FAILED job {@code jobId} again, with the spec of its newest checkpoint: a trainer takes it and
     * resumes the run from that checkpoint. 404 for a job no trainer has reported, 409 for one that has not failed
     * (a COMPLETED job is never run again) or that failed before its first checkpoint (submit it anew).
     */
    @Post("/{jobId}/resubmit")
    public HttpResponse<Map<String, String>> resubmit(String jobId) throws IOException, InvalidCheckpointException {
        Optional<TrainingJobStatusChanged> latest = view.latest(jobId);
        if (latest.isEmpty()) {
            return HttpResponse.notFound(Map.of("error", "no job " + jobId + " known to the trainers"));
        }
        if (latest.get().state() != JobState.FAILED) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("error", "job " + jobId + " is "
                    + latest.get().state() + ": only a FAILED job is resubmitted"));
        }
        List<CheckpointSidecar> stored = checkpoints.list(jobId);
        if (stored.isEmpty()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("error", "job " + jobId
                    + " failed before its first checkpoint: nothing to resume from; submit it anew (POST /jobs)"));
        }
        CheckpointSidecar newest = stored.get(stored.size() - 1);
        events.submit(jobId, new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, newest.spec(), Instant.now()));
        return HttpResponse.accepted().body(Map.of("jobId", jobId, "resumesFrom", newest.checkpoint().id()));
    }

    /**
     * Cancels {@code jobId}: a CANCELLED status, which the trainer running it obeys at its next step and which any
     * trainer reaching its submission later finds (202). 400 for an id no job can have; 409 for a job that has
     * ended. A job no trainer has reported yet may still wait in Kafka, so it is cancelled too.
     */
    @Delete("/{jobId}")
    public HttpResponse<Map<String, String>> cancel(String jobId) {
        if (!JobIds.isValid(jobId)) {
            return HttpResponse.badRequest(Map.of("error", JobIds.whyInvalid(jobId)));
        }
        Optional<TrainingJobStatusChanged> latest = view.latest(jobId);
        if (latest.isPresent() && latest.get().state().isFinal()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("error", "job " + jobId + " has ended: "
                    + latest.get().state()));
        }
        reporter.cancelled(jobId, "cancelled by a user (DELETE /jobs/" + jobId + ")");
        return HttpResponse.accepted().body(Map.of("jobId", jobId, "state", JobState.CANCELLED.name()));
    }

    /** The request's spec: given in full, or a preset with overrides. */
    static TrainingJobSpec specOf(JobRequest request) {
        if (request.spec() != null) {
            return request.spec();
        }
        if (request.preset() == null || request.datasetId() == null) {
            throw new IllegalArgumentException("give a spec, or a preset and a datasetId");
        }
        return JobPresets.overridden(JobPresets.named(request.preset(), request.datasetId()), request.epochs(),
                request.timeBudgetMinutes(), request.seed(), request.trainLimit());
    }
}
