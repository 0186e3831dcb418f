package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainerSettingsTest {

    @Test
    void blankInstanceIdBecomesHostAndProcessId() {
        TrainerSettings settings = new TrainerSettings();
        settings.setInstanceId(" ");
        assertTrue(settings.getInstanceId().endsWith("-" + ProcessHandle.current().pid()), settings.getInstanceId());
        settings.setInstanceId("trainer-7");
        assertEquals("trainer-7", settings.getInstanceId());
    }
}
