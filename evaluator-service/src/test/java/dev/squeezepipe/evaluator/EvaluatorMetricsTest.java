package dev.squeezepipe.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvaluatorMetricsTest {

    @Test
    void keepsTheAccuracyGaugesOfTheLatestCheckpointsOnly() {
        MeterRegistry registry = new SimpleMeterRegistry();
        EvaluatorMetrics metrics = new EvaluatorMetrics(registry);
        int checkpoints = EvaluatorMetrics.KEPT_CHECKPOINTS + 3;
        for (int epoch = 1; epoch <= checkpoints; epoch++) {
            metrics.evaluated("run", epoch, epoch / 1000.0, 0.9, Duration.ofSeconds(1));
        }
        assertEquals(EvaluatorMetrics.KEPT_CHECKPOINTS, registry.find("evaluator.top1").gauges().size());
        assertEquals(EvaluatorMetrics.KEPT_CHECKPOINTS, registry.find("evaluator.top5").gauges().size());
        assertNull(registry.find("evaluator.top1").tag("epoch", "3").gauge(), "the oldest go");
        assertEquals(0.004, registry.find("evaluator.top1").tag("epoch", "4").gauge().value());
        assertEquals(checkpoints, registry.find("evaluator.duration").timer().count());
    }
}
