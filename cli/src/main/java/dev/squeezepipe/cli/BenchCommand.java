package dev.squeezepipe.cli;

import dev.squeezepipe.bench.AccuracyBenchmark;
import dev.squeezepipe.bench.IngestBenchmark;
import dev.squeezepipe.bench.PredictBenchmark;
import dev.squeezepipe.bench.TrainBenchmark;
import dev.squeezepipe.bench.faults.FaultBenchmark;
import dev.squeezepipe.bench.hostile.HostileBenchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./pipeline bench <name>}: runs a benchmark, prints its figures and a final JSON line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark: ingest, train, predict, accuracy, faults or hostile; figures end with one "
                + "JSON line.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "ingest, train, predict, accuracy, faults or hostile")
    String name;

    @Option(names = "--data", defaultValue = "${env:SQUEEZEPIPE_DATA}", description = "dataset to use")
    Path data;

    @Option(names = "--steps", defaultValue = "200", description = "train: steps per epoch timed")
    int steps;

    @Option(names = "--batch", defaultValue = "64", description = "train: batch size")
    int batch;

    @Option(names = "--requests", defaultValue = "5000", description = "predict: requests over Kafka")
    int requests;

    @Option(names = "--preset", defaultValue = "cpu", description = "accuracy: the preset to train")
    String preset;

    @Option(names = "--epochs", defaultValue = "0",
            description = "accuracy: epochs (0: the preset's; the cpu preset's maximum, within its time budget)")
    int epochs;

    @Option(names = "--minutes", defaultValue = "0", description = "accuracy: time budget (0: the preset's)")
    double minutes;

    @Option(names = "--seed", description = "accuracy: the job's seed (default: the preset's)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (data == null) {
            throw new IllegalArgumentException("no dataset: pass --data or set SQUEEZEPIPE_DATA");
        }
        switch (name) {
            case "ingest":
                IngestBenchmark.run(data).print();
                return 0;
            case "train":
                TrainBenchmark.run(data, steps, batch).print();
                return 0;
            case "predict":
                PredictBenchmark.run(data, requests).print();
                return 0;
            case "accuracy":
                AccuracyBenchmark.run(data, preset, epochs, minutes, seed).print();
                return 0;
            case "hostile":
                HostileBenchmark.run(Path.of(System.getProperty("squeezepipe.root", ".")), data).print();
                return 0;
            case "faults":
                FaultBenchmark.run(Path.of(System.getProperty("squeezepipe.root", ".")), data).print();
                return 0;
            default:
                System.err.println("unknown benchmark '" + name + "'; expected ingest, train, predict, accuracy, "
                        + "faults or hostile");
                return 2;
        }
    }
}
