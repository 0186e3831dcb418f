package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.spec.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/** Job fields the integration suite does not reach. */
class JobValidatorTest {

    @Test
    void rejectsACutoutOutsideZeroToOneNamingTheField() {
        for (double share : new double[] {-0.25, 1.0}) {
            InvalidJobException e = assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec(share)));
            assertTrue(e.getMessage().contains("cutout"), e.getMessage());
        }
    }

    @Test
    void acceptsTheCpuPresetsCutout() {
        TrainingJobSpec cpu = JobPresets.named("cpu", "ds");
        assertTrue(cpu.cutout() != null && cpu.cutout() > 0, "the cpu preset cuts out");
        assertDoesNotThrow(() -> JobValidator.validate(cpu));
    }

    private static TrainingJobSpec spec(double cutout) {
        return new TrainingJobSpec("ds", "cifar-bn", 128, 128, 2, 0.5, 0.125, 10, 32, 3, 64, 0.9, 5e-4, "linear",
                0.0, 0.05, 0.0, 1, 0, true, 1, 1, 10, null, null, null, null, null, cutout);
    }
}
