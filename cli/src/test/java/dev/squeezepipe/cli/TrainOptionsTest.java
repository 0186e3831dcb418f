package dev.squeezepipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.squeezepipe.bench.TrainFlow;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.trainer.JobPresets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command-line options that shape the training job `./pipeline train` submits. */
class TrainOptionsTest {

    @Test
    void noOptionsLeaveThePresetAsItIs() {
        TrainCommand train = parsed("--data", "cifar-10-python.tar.gz");
        assertNull(train.seed);
        assertEquals(JobPresets.named("cpu", "ds-1"), spec(train));
    }

    @Test
    void seedOptionReplacesOnlyThePresetsSeed() {
        TrainCommand train = parsed("--data", "cifar-10-python.tar.gz", "--seed", "7");
        assertEquals(JobPresets.named("cpu", "ds-1").withSeed(7), spec(train));
    }

    @Test
    void accuracyBenchTakesASeed() {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs("accuracy", "--seed", "3");
        assertEquals(3L, bench.seed);
    }

    private static TrainCommand parsed(String... args) {
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs(args);
        return train;
    }

    private static TrainingJobSpec spec(TrainCommand train) {
        return TrainFlow.adjusted(JobPresets.named(train.preset, "ds-1"), train.epochs, train.minutes, train.seed);
    }
}
