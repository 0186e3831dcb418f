package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.spec.DecayMode;
import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
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
        assertTrue(cpu.augmentation().cutout() > 0, "the cpu preset cuts out");
        assertDoesNotThrow(() -> JobValidator.validate(cpu));
    }

    private static TrainingJobSpec spec(double cutout) {
        return new TrainingJobSpec(new Data("ds", null, null), Network.cifar10("cifar-bn", 32),
                Optimisation.sgd(64, 5e-4), new Schedule(DecayMode.LINEAR, 0, 0.05, 0, 1, 0),
                Augmentation.cropFlipAndCutout(cutout), new Budget(3, null), Checkpoints.EVERY_EPOCH_KEEP_10, 1);
    }
}
