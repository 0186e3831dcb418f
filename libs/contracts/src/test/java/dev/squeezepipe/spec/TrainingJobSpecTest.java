package dev.squeezepipe.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.LowResolution;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

class TrainingJobSpecTest {

    private static TrainingJobSpec spec(int epochs, int warmup, long seed, Integer limit, Double minutes) {
        return new TrainingJobSpec(new Data("ds-1", limit, new LowResolution(24, 0.5)),
                Network.cifar10("cifar-bn", 32), Optimisation.sgd(64, 5e-4).withLabelSmoothing(0.1),
                new Schedule(DecayMode.LINEAR, 0, 0.05, 0.001, warmup, 1), Augmentation.cropFlipAndCutout(0.375),
                new Budget(epochs, minutes), Checkpoints.EVERY_EPOCH_KEEP_10, seed);
    }

    @Test
    void eachOverrideChangesItsOwnFieldAndKeepsTheRest() {
        TrainingJobSpec base = spec(40, 3, 1, null, 112.0);
        assertEquals(spec(30, 3, 1, null, 112.0), base.withEpochs(30));
        assertEquals(spec(40, 3, 1, null, null), base.withTimeBudgetMinutes(null));
        assertEquals(spec(40, 3, 9, null, 112.0), base.withSeed(9));
        assertEquals(spec(40, 3, 1, 640, 112.0), base.withTrainLimit(640));
    }

    @Test
    void fewerEpochsThanTheWarmupLeaveOneEpochOfDecay() {
        // pretrain 1 + (2 epochs - 1): the warmup ends where the last epoch's decay begins
        assertEquals(2, spec(40, 3, 1, null, null).withEpochs(2).schedule().warmupEpochs());
    }

    @Test
    void scheduleModeReadsInAnyCaseAndRefusesAnUnknownOneNamingTheChoices() throws Exception {
        ObjectMapper json = ObjectMapper.getDefault();
        assertEquals(DecayMode.COSINE, json.readValue("{\"mode\":\"cosine\",\"lrMax\":0.1}", Schedule.class).mode());
        Exception e = assertThrows(Exception.class,
                () -> json.readValue("{\"mode\":\"exp\",\"lrMax\":0.1}", Schedule.class));
        assertTrue(String.valueOf(e.getMessage()).contains("expected steps, poly, linear or cosine"), e.getMessage());
    }
}
