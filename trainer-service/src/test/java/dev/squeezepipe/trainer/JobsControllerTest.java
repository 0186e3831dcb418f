package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.squeezepipe.spec.TrainingJobSpec;
import org.junit.jupiter.api.Test;

class JobsControllerTest {

    @Test
    void presetOverridesReachTheSpec() {
        TrainingJobSpec spec = JobsController.specOf(new JobRequest(null, "cpu", "ds-1", 30, 640, 45.0, 7L, null));
        assertEquals("ds-1", spec.datasetId());
        assertEquals(30, spec.budget().epochs());
        assertEquals(640, spec.data().trainLimit());
        assertEquals(45.0, spec.budget().minutes());
        assertEquals(7, spec.seed());
    }

    @Test
    void presetKeepsItsSeedWithoutOverride() {
        TrainingJobSpec preset = JobPresets.named("cpu", "ds-1");
        TrainingJobSpec spec = JobsController.specOf(new JobRequest(null, "cpu", "ds-1", 30, null, null, null, null));
        assertEquals(preset.seed(), spec.seed());
        assertEquals(preset.withEpochs(30), spec, "only the epochs differ");
    }

    @Test
    void cpuPresetFitsItsEpochsInItsBudget() {
        TrainingJobSpec spec = JobsController.specOf(new JobRequest(null, "cpu", "ds-1", null, null, null, null, null));
        assertEquals(JobPresets.CPU_BUDGET_MINUTES, spec.budget().minutes());
        assertEquals(100, spec.budget().epochs(), "the most it may train");
    }

    @Test
    void requestWithoutSpecOrPresetIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> JobsController.specOf(new JobRequest(null, null, "ds-1", null, null, null, null, null)));
    }
}
