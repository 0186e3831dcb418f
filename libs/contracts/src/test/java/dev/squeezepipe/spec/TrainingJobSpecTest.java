package dev.squeezepipe.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingJobSpecTest {

    private static TrainingJobSpec spec(int epochs, int warmup, long seed, Integer limit, Double minutes) {
        return new TrainingJobSpec("ds-1", "cifar-bn", 128, 128, 2, 0.5, 0.125, 10, 32, epochs, 64, 0.9, 5e-4,
                "linear", 0.0, 0.05, 0.001, warmup, 1, true, seed, 1, 10, limit, minutes, 0.1, 24, 0.5, 0.375);
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
        assertEquals(2, spec(40, 3, 1, null, null).withEpochs(2).warmupEpochs());
    }
}
