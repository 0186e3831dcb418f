package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.events.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochBudgetTest {

    private static TrainingJobSpec spec(int epochs, int warmup, int pretrain, Double budget) {
        return new TrainingJobSpec("ds", "cifar-bn", 128, 128, 2, 0.5, 0.125, 10, 32, epochs, 64, 0.9, 5e-4, "linear",
                0.0, 0.05, 0.0, warmup, pretrain, true, 1, 1, 10, null, budget);
    }

    @Test
    void fitsAsManyEpochsAsTheTimeLeftHolds() {
        // two warmup epochs of 130 s each, 107 of 112 minutes left: 49 more
        assertEquals(51, EpochBudget.epochsWithin(100, 2, 130, 107 * 60));
    }

    @Test
    void neverExceedsTheMaximumEpochs() {
        assertEquals(100, EpochBudget.epochsWithin(100, 2, 10, 112 * 60));
    }

    @Test
    void keepsOneEpochOfDecayWhenTheTimeHasRunOut() {
        assertEquals(3, EpochBudget.epochsWithin(100, 2, 130, -60));
        assertEquals(2, EpochBudget.epochsWithin(2, 1, 130, 0));
    }

    @Test
    void decidesAtTheEndOfTheWarmupOrAfterTheFirstEpoch() {
        assertEquals(2, EpochBudget.decisionEpoch(spec(100, 2, 0, 112.0)));
        assertEquals(1, EpochBudget.decisionEpoch(spec(100, 0, 0, 112.0)));
        assertEquals(3, EpochBudget.decisionEpoch(spec(100, 5, 2, 112.0)));
    }

    @Test
    void shorterRunKeepsItsWarmupAndPretrainSteps() {
        TrainingJobSpec fitted = spec(100, 5, 2, 112.0).withEpochs(4);
        assertEquals(4, fitted.epochs());
        assertEquals(5, fitted.warmupEpochs(), "warmup counts the pretrain epochs too: 5 < 2 + 4");
        assertEquals(112.0, fitted.timeBudgetMinutes());
        assertEquals(1, spec(100, 2, 0, null).withEpochs(2).warmupEpochs(), "one epoch of decay is left");
    }

    @Test
    void resumedRunKeepsTheEpochCountItsCheckpointCarries() {
        TrainingJobSpec job = spec(100, 2, 0, 112.0);
        CheckpointSidecar fixed = new CheckpointSidecar("run/3", "run", "run", 3, 2346, "k", "sha", 1, job.withEpochs(41),
                1.1, 0.6, 600, Instant.now(), null, null);
        assertEquals(41, EpochBudget.planned(job, fixed).epochs());
        assertEquals(2, EpochBudget.planned(job, fixed).warmupEpochs());
        assertEquals(100, EpochBudget.planned(job, null).epochs(), "a fresh run starts from the maximum");
    }

    @Test
    void rejectsANonPositiveTimeBudget() {
        InvalidJobException e = assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec(10, 2, 0, 0.0)));
        assertTrue(e.getMessage().contains("time budget"), e.getMessage());
    }
}
