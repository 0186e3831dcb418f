package dev.squeezepipe.cli;

import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.bench.TrainFlow;
import dev.squeezepipe.trainer.JobPresets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline train}: on the embedded stack, ingests the dataset (reusing stored shards), submits a
 * training job to a trainer service over Kafka, follows it, then scores the last checkpoint on the test split.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Ingest if needed, train a preset through the trainer service, report test accuracy.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOption dataOption;

    @Option(names = "--preset", defaultValue = "cpu", description = "recipe (224px, GPU-sized) or cpu")
    String preset;

    @Option(names = "--epochs", defaultValue = "0",
            description = "epochs (0: the preset's; the cpu preset's maximum, within its time budget)")
    int epochs;

    @Option(names = "--minutes", defaultValue = "0",
            description = "time budget: as many epochs as fit, up to --epochs"
                    + " (0: the preset's; the cpu preset's is 112)")
    double minutes;

    @Option(names = "--seed",
            description = "seed of initialization, shuffling and augmentation (default: the preset's)")
    Long seed;

    @Option(names = "--limit", defaultValue = "0", description = "images per split to ingest (0: all)")
    int limit;

    @Mixin
    StateOption stateOption;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(stateOption.state)) {
            String datasetId = TrainFlow.ingest(stack, dataOption.data, limit);
            TrainFlow.Outcome outcome = TrainFlow.train(stack, datasetId,
                    id -> TrainFlow.adjusted(JobPresets.named(preset, id), epochs, minutes, seed));
            System.out.printf(Locale.ROOT, "%s: %s; test top-1 %.4f, top-5 %.4f on %d images (%.1f min)%n",
                    outcome.jobId(), TrainFlow.describe(outcome.checkpoint().spec()), outcome.scores().top1(),
                    outcome.scores().top5(), outcome.scores().images(), outcome.trainMinutes());
            System.out.printf(Locale.ROOT,
                    "{\"job\":\"%s\",\"dataset\":\"%s\",\"top1\":%.4f,\"top5\":%.4f,\"minutes\":%.2f}%n",
                    outcome.jobId(), datasetId, outcome.scores().top1(), outcome.scores().top5(),
                    outcome.trainMinutes());
            return 0;
        }
    }
}
