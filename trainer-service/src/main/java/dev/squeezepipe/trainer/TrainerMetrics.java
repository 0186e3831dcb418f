package dev.squeezepipe.trainer;

import dev.squeezepipe.service.LatestMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Per-run gauges: loss, training accuracy, images/s, learning rate, epoch (and of how many) and step. */
@Singleton
@Requires(env = "trainer")
public class TrainerMetrics {

    /**
     * Runs whose gauges a trainer keeps: a trainer runs one job at a time, so these are its latest runs, long
     * finished runs' last values scraped many times over; older ones are removed so the series do not grow for ever.
     */
    static final int KEPT_RUNS = 16;

    private final MeterRegistry registry;
    private final LatestMeters<RunGauges> runs;

    public TrainerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.runs = new LatestMeters<>(registry, KEPT_RUNS, gauges -> gauges.meters);
    }

    /** The gauges of {@code runId}, registered on first use; the oldest run's go when more than are kept. */
    public RunGauges run(String runId) {
        return runs.get(runId, id -> new RunGauges(registry, id));
    }

    /** Current values of one run, read by Micrometer. */
    public static final class RunGauges {
        private final AtomicLong loss = new AtomicLong();
        private final AtomicLong accuracy = new AtomicLong();
        private final AtomicLong imagesPerSecond = new AtomicLong();
        private final AtomicLong learningRate = new AtomicLong();
        private final AtomicLong epoch = new AtomicLong();
        private final AtomicLong epochs = new AtomicLong();
        private final AtomicLong step = new AtomicLong();
        private final List<Meter> meters = new ArrayList<>();

        RunGauges(MeterRegistry registry, String runId) {
            gauge(registry, runId, "trainer.loss", "Mean training loss of the current epoch so far", () -> get(loss));
            gauge(registry, runId, "trainer.accuracy", "Training accuracy of the current epoch so far",
                    () -> get(accuracy));
            gauge(registry, runId, "trainer.images.per.second", "Training throughput", () -> get(imagesPerSecond));
            gauge(registry, runId, "trainer.learning.rate", "Learning rate of the last step", () -> get(learningRate));
            gauge(registry, runId, "trainer.epoch", "Current epoch", () -> (double) epoch.get());
            gauge(registry, runId, "trainer.epochs", "Epochs the run trains (with a time budget: the maximum until"
                    + " the end of the warmup, then the count that fits)", () -> (double) epochs.get());
            gauge(registry, runId, "trainer.step", "Optimizer steps done", () -> (double) step.get());
        }

        void update(double lossValue, double accuracyValue, double rate, double lr, int epochValue, long stepValue) {
            set(loss, lossValue);
            set(accuracy, accuracyValue);
            set(imagesPerSecond, rate);
            set(learningRate, lr);
            epoch.set(epochValue);
            step.set(stepValue);
        }

        /** The run trains {@code count} epochs. */
        void plan(int count) {
            epochs.set(count);
        }

        /** Images per second of the run's latest epoch so far. */
        public double imagesPerSecond() {
            return get(imagesPerSecond);
        }

        private void gauge(MeterRegistry registry, String runId, String name, String help, Supplier<Double> value) {
            meters.add(Gauge.builder(name, value).tag("run", runId).description(help).register(registry));
        }


        private static double get(AtomicLong bits) {
            return Double.longBitsToDouble(bits.get());
        }

        private static void set(AtomicLong bits, double value) {
            bits.set(Double.doubleToLongBits(value));
        }
    }
}
