package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.spec.TrainingJobSpec;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /jobs} publishes a training job (400 with the reason when it cannot run: unknown preset or variant,
 * impossible sizes); {@code GET /jobs/{id}} shows its newest status.
 */
@Controller("/jobs")
@Requires(env = "trainer")
public class JobsController {

    private final TrainerEvents events;
    private final JobStatusView view;

    public JobsController(TrainerEvents events, JobStatusView view) {
        this.events = events;
        this.view = view;
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
        events.submit(jobId, new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, spec, Instant.now()));
        return HttpResponse.accepted().body(Map.of("jobId", jobId));
    }

    @Get("/{jobId}")
    public Optional<TrainingJobStatusChanged> status(String jobId) {
        return view.latest(jobId);
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
