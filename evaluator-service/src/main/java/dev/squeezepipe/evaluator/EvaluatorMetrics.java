package dev.squeezepipe.evaluator;

import dev.squeezepipe.service.LatestMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/** Accuracy per run and checkpoint as gauges; evaluation duration; failures. */
@Singleton
@Requires(env = "evaluator")
public class EvaluatorMetrics {

    /**
     * Checkpoints whose accuracy gauges are kept: a run's worth and more of the latest (10 checkpoints a run are kept,
     * so 64 span several runs); older ones are removed so the series do not grow for ever.
     */
    static final int KEPT_CHECKPOINTS = 64;

    private final MeterRegistry registry;
    private final Timer duration;
    private final Counter failures;
    private final LatestMeters<CheckpointGauges> accuracies;

    public EvaluatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("evaluator.duration").description("Time to evaluate a checkpoint")
                .register(registry);
        this.failures = Counter.builder("evaluator.failures").description("Checkpoints that could not be evaluated")
                .register(registry);
        this.accuracies = new LatestMeters<>(registry, KEPT_CHECKPOINTS, gauges -> gauges.meters);
    }

    void evaluated(String runId, int epoch, double top1, double top5, Duration took) {
        duration.record(took);
        CheckpointGauges gauges =
                accuracies.get(runId + "/" + epoch, key -> new CheckpointGauges(registry, runId, epoch));
        gauges.values[0] = top1;
        gauges.values[1] = top5;
    }

    void failed() {
        failures.increment();
    }

    /** The top-1 and top-5 gauges of one checkpoint, and the values they read. */
    private static final class CheckpointGauges {
        private final double[] values = new double[2];
        private final List<Meter> meters;

        CheckpointGauges(MeterRegistry registry, String runId, int epoch) {
            String e = String.valueOf(epoch);
            meters = List.of(
                    Gauge.builder("evaluator.top1", values, h -> h[0]).tag("run", runId).tag("epoch", e)
                            .description("Top-1 test accuracy of a checkpoint").register(registry),
                    Gauge.builder("evaluator.top5", values, h -> h[1]).tag("run", runId).tag("epoch", e)
                            .description("Top-5 test accuracy of a checkpoint").register(registry));
        }
    }
}
