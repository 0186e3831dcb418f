package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrainerSettingsTest {

    @Test
    void blankInstanceIdBecomesHostAndProcessId() {
        TrainerSettings blank = new TrainerSettings("localhost:9092", "checkpoints", "evaluations",
                Duration.ofMinutes(1), 50, " ");
        assertTrue(blank.instanceId().endsWith("-" + ProcessHandle.current().pid()), blank.instanceId());
        TrainerSettings named = new TrainerSettings("localhost:9092", "checkpoints", "evaluations",
                Duration.ofMinutes(1), 50,
                "trainer-7");
        assertEquals("trainer-7", named.instanceId());
    }
}
