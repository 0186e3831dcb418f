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
import java.util.Map;
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

    @Test
    void refusesJobsTooLargeForMemoryOrTimeNamingTheLimit() {
        TrainingJobSpec base = spec(0);
        Map<String, TrainingJobSpec> tooLarge = Map.of(
                "optimisation.batchSize x network.inputSize^2 must be at most 12845056",
                new TrainingJobSpec(base.data(), Network.cifar10("cifar-bn", 512), Optimisation.sgd(4096, 5e-4),
                        base.schedule(), base.augmentation(), base.budget(), base.checkpoints(), 1),
                "network.inputSize must be 1-512", new TrainingJobSpec(base.data(), Network.cifar10("cifar-bn", 1024),
                        Optimisation.sgd(1, 5e-4), base.schedule(), base.augmentation(), base.budget(),
                        base.checkpoints(), 1),
                "budget.epochs must be 1-1000", base.withEpochs(1_000_000),
                "budget.minutes must be more than 0 and at most 10080", new TrainingJobSpec(base.data(),
                        base.network(), base.optimisation(), base.schedule(), base.augmentation(),
                        new Budget(3, 1e9), base.checkpoints(), 1),
                "checkpoints.keep must be 1-100", new TrainingJobSpec(base.data(), base.network(),
                        base.optimisation(), base.schedule(), base.augmentation(), base.budget(),
                        new Checkpoints(1, 100_000), 1),
                "data.trainLimit must be 1-10000000 images", base.withTrainLimit(Integer.MAX_VALUE));
        tooLarge.forEach((reason, spec) -> {
            InvalidJobException e = assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec));
            assertTrue(e.getMessage().contains(reason), reason + " / " + e.getMessage());
        });
    }

    private static TrainingJobSpec spec(double cutout) {
        return new TrainingJobSpec(new Data("ds", null, null), Network.cifar10("cifar-bn", 32),
                Optimisation.sgd(64, 5e-4), new Schedule(DecayMode.LINEAR, 0, 0.05, 0, 1, 0),
                Augmentation.cropFlipAndCutout(cutout), new Budget(3, null), Checkpoints.EVERY_EPOCH_KEEP_10, 1);
    }
}
