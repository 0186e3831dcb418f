package dev.squeezepipe.evaluator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Accuracy per run and checkpoint as gauges; evaluation duration; failures. */
@Singleton
@Requires(env = "evaluator")
public class EvaluatorMetrics {

    private final MeterRegistry registry;
    private final Timer duration;
    private final Counter failures;
    private final Map<String, double[]> accuracies = new ConcurrentHashMap<>();

    public EvaluatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("evaluator.duration").description("Time to evaluate a checkpoint")
                .register(registry);
        this.failures = Counter.builder("evaluator.failures").description("Checkpoints that could not be evaluated")
                .register(registry);
    }

    void evaluated(String runId, int epoch, double top1, double top5, Duration took) {
        duration.record(took);
        double[] values = accuracies.computeIfAbsent(runId + "/" + epoch, k -> {
            double[] holder = new double[2];
            Gauge.builder("evaluator.top1", holder, h -> h[0]).tag("run", runId).tag("epoch", String.valueOf(epoch))
                    .description("Top-1 test accuracy of a checkpoint").register(registry);
            Gauge.builder("evaluator.top5", holder, h -> h[1]).tag("run", runId).tag("epoch", String.valueOf(epoch))
                    .description("Top-5 test accuracy of a checkpoint").register(registry);
            return holder;
        });
        values[0] = top1;
        values[1] = top5;
    }

    void failed() {
        failures.increment();
    }
}
