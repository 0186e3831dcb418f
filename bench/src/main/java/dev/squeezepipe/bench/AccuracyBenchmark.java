package dev.squeezepipe.bench;

import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.model.TestScores;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.trainer.JobPresets;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains a preset (the cpu preset by default) through the ingest and trainer services on the embedded stack,
 * then scores the last checkpoint on the whole test split. Target for the cpu preset: 89% top-1 in 2 hours.
 * Beside the plain top-1, {@code top1_flips} scores the same checkpoint with test-time flips (each image also
 * mirrored, the two softmaxes averaged), after the clock has stopped: what serving that way would reach.
 */
public final class AccuracyBenchmark {

    private AccuracyBenchmark() {}

    /** {@code epochs} and {@code budgetMinutes} of 0, and a {@code null} seed, keep the preset's. */
    public static BenchResult run(Path data, String preset, int epochs, double budgetMinutes, Long seed)
            throws Exception {
        Path dir = Files.createTempDirectory("bench-accuracy-");
        long start = System.nanoTime();
        try (EmbeddedStack stack = EmbeddedStack.start(dir)) {
            String datasetId = TrainFlow.ingest(stack, data, 0);
            try (ApplicationContext trainer = TrainFlow.trainer(stack)) {
                TrainFlow.Outcome outcome = TrainFlow.train(trainer,
                        TrainFlow.adjusted(JobPresets.named(preset, datasetId), epochs, budgetMinutes, seed));
                double minutes = (System.nanoTime() - start) / 60e9; // the flips below are extra, outside the target
                TestScores flips = TrainFlow.score(trainer, outcome.checkpoint(), outcome.checkpoint().spec(), true);
                return result(preset, outcome, minutes, flips);
            }
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static BenchResult result(String preset, TrainFlow.Outcome outcome, double minutes, TestScores flips) {
        TrainingJobSpec spec = outcome.checkpoint().spec();
        return new BenchResult()
                .put("bench", "accuracy")
                .put("preset", preset)
                .put("model", TrainFlow.describe(spec))
                .put("seed", spec.seed())
                .put("epochs", spec.budget().epochs())
                .put("time_budget_minutes", spec.budget().minutes() == null ? 0 : spec.budget().minutes())
                .put("test_images", outcome.scores().images())
                .put("top1", outcome.scores().top1())
                .put("top5", outcome.scores().top5())
                .put("test_loss", outcome.scores().meanLoss())
                .put("train_accuracy", outcome.checkpoint().train().accuracy())
                .put("train_minutes", outcome.trainMinutes())
                .put("minutes", minutes)
                .put("top1_flips", flips.top1())
                .put("target_top1", 0.89);
    }
}
