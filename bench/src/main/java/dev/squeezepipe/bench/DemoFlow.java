package dev.squeezepipe.bench;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.predictor.GridService;
import dev.squeezepipe.predictor.ModelSwapper;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.trainer.JobPresets;
import dev.squeezepipe.trainer.JobStatusView;
import dev.squeezepipe.trainer.TrainerEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tutorial end to end on a small budget, through all four services on a fresh embedded stack: ingest a
 * subset, train a few epochs, evaluate every checkpoint, serve the last one, draw the prediction grid.
 */
public final class DemoFlow {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFlow.class);
    private static final Duration STEP_WAIT = Duration.ofMinutes(10);

    private DemoFlow() {}

    /** What the demo produced. */
    public record Result(String jobId, double top1, double top5, long testImages, Path grid, double seconds) {}

    public static Result run(Path data, int limit, int epochs, Path gridOut) throws Exception {
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("demo-");
        try (EmbeddedStack stack = EmbeddedStack.start(dir)) {
            String datasetId = TrainFlow.ingest(stack, data, limit);
            Map<String, Object> props = Map.of("trainer.instance-id", "demo",
                    "shards.cache-dir", dir.resolve("cache").toString());
            try (ApplicationContext trainer = stack.context("trainer", props);
                    ApplicationContext evaluator = stack.context("evaluator", props);
                    ApplicationContext predictor = stack.context("predictor", props)) {
                TrainingJobSpec spec = TrainFlow.adjusted(JobPresets.named("demo", datasetId), epochs, 0, null);
                String jobId = "demo-" + UUID.randomUUID();
                LOG.info("Training {} on {} images of {}", TrainFlow.describe(spec), limit == 0 ? "all" : limit,
                        datasetId);
                trainer.getBean(TrainerEvents.class)
                        .submit(jobId, new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, spec, Instant.now()));
                JobStatusView view = trainer.getBean(JobStatusView.class);
                waitFor("training to finish", () -> view.latest(jobId).map(DemoFlow::finished).orElse(false));
                TrainingJobStatusChanged done = view.latest(jobId).orElseThrow();
                if (done.state() != JobState.COMPLETED) {
                    throw new IllegalStateException("training failed: " + done.reason());
                }
                CheckpointEvaluated evaluation = awaitEvaluation(evaluator, jobId, epochs);
                ModelSwapper swapper = predictor.getBean(ModelSwapper.class);
                waitFor("the predictor to serve the last checkpoint",
                        () -> (jobId + "/" + epochs).equals(swapper.currentId()));
                Files.write(gridOut, predictor.getBean(GridService.class).png());
                return new Result(jobId, evaluation.top1(), evaluation.top5(), evaluation.images(), gridOut,
                        (System.nanoTime() - start) / 1e9);
            }
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static boolean finished(TrainingJobStatusChanged status) {
        return status.state().isFinal();
    }

    private static CheckpointEvaluated awaitEvaluation(ApplicationContext evaluator, String runId, int epoch)
            throws Exception {
        ObjectStore store = evaluator.getBean(ObjectStore.class);
        String key = ObjectLayout.evaluationKey(runId, epoch);
        waitFor("the evaluation of the last checkpoint", () -> {
            try {
                return store.exists("evaluations", key);
            } catch (IOException e) {
                return false;
            }
        });
        CheckpointEvaluated evaluation = evaluator.getBean(JsonMapper.class).readValue(store.get("evaluations", key),
                CheckpointEvaluated.class);
        if (evaluation.outcome() != EvaluationOutcome.SCORED) {
            throw new IllegalStateException("evaluation failed: " + evaluation.reason());
        }
        return evaluation;
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + STEP_WAIT.toMinutes()
                        + " min");
            }
            Thread.sleep(250); // the services work on their own threads; this only watches
        }
    }
}
