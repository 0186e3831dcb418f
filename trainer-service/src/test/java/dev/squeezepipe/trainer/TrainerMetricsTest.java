package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainerMetricsTest {

    private static Set<String> runsWithGauges(MeterRegistry registry, String name) {
        return registry.find(name).gauges().stream().map(g -> g.getId().getTag("run")).collect(Collectors.toSet());
    }

    @Test
    void keepsTheGaugesOfTheLatestRunsOnlyAndEachRunsOwnValues() {
        MeterRegistry registry = new SimpleMeterRegistry();
        TrainerMetrics metrics = new TrainerMetrics(registry);
        int runs = TrainerMetrics.KEPT_RUNS + 4;
        IntStream.range(0, runs).forEach(i -> metrics.run("run-" + i).update(i, 0.5, 100, 0.01, 1, i));
        Set<String> kept = IntStream.range(4, runs).mapToObj(i -> "run-" + i).collect(Collectors.toSet());
        for (String name : new String[] {"trainer.loss", "trainer.accuracy", "trainer.images.per.second",
                "trainer.learning.rate", "trainer.epoch", "trainer.epochs", "trainer.step"}) {
            assertEquals(kept, runsWithGauges(registry, name), name);
        }
        Gauge loss = registry.find("trainer.loss").tag("run", "run-7").gauge();
        assertEquals(7.0, loss.value());
        metrics.run("run-7").update(3.5, 0.6, 100, 0.01, 2, 20);
        assertEquals(3.5, loss.value(), "the same run's gauges, not new ones");
    }
}
