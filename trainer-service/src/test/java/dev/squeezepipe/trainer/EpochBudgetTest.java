package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.spec.DecayMode;
import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
import dev.squeezepipe.spec.TrainingJobSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochBudgetTest {

    private static TrainingJobSpec spec(int epochs, int warmup, int pretrain, Double budget) {
        return new TrainingJobSpec(new Data("ds", null, null), Network.cifar10("cifar-bn", 32),
                Optimisation.sgd(64, 5e-4), new Schedule(DecayMode.LINEAR, 0, 0.05, 0, warmup, pretrain),
                Augmentation.cropFlipAndCutout(0), new Budget(epochs, budget), Checkpoints.EVERY_EPOCH_KEEP_10, 1);
    }

    @Test
    void fitsAsManyEpochsAsTheTimeLeftHolds() {
        // two warmup epochs of 130 s each, 107 of 112 minutes left: 49 more
        assertEquals(51, EpochBudget.epochsWithin(100, 2, (e, n) -> 130, 107 * 60));
    }

    @Test
    void neverExceedsTheMaximumEpochs() {
        assertEquals(100, EpochBudget.epochsWithin(100, 2, (e, n) -> 10, 112 * 60));
    }

    @Test
    void keepsOneEpochOfDecayWhenTheTimeHasRunOut() {
        assertEquals(3, EpochBudget.epochsWithin(100, 2, (e, n) -> 130, -60));
        assertEquals(2, EpochBudget.epochsWithin(2, 1, (e, n) -> 130, 0));
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
        assertEquals(4, fitted.budget().epochs());
        assertEquals(5, fitted.schedule().warmupEpochs(), "warmup counts the pretrain epochs too: 5 < 2 + 4");
        assertEquals(112.0, fitted.budget().minutes());
        assertEquals(1, spec(100, 2, 0, null).withEpochs(2).schedule().warmupEpochs(), "one epoch of decay is left");
    }

    @Test
    void resumedRunFollowsTheRefitsItsCheckpointCarries() {
        TrainingJobSpec job = spec(100, 2, 0, 112.0);
        List<ScheduleRefit> refits = List.of(new ScheduleRefit(2, 29), new ScheduleRefit(5, 33));
        assertEquals(33, EpochBudget.planned(job, refits).budget().epochs());
        assertEquals(2, EpochBudget.planned(job, refits).schedule().warmupEpochs());
        assertEquals(100, EpochBudget.planned(job, List.of()).budget().epochs(), "a fresh run starts from the maximum");
    }

    @Test
    void fitsAtTheEndOfTheWarmupFromTheWholeAttemptsSpeed() {
        // 100 s of data loading, then two warmup epochs of 150 s: the 6,320 s left hold 42 more epochs of 150 s
        EpochBudget budget = new EpochBudget("run", spec(100, 2, 0, 112.0), 0, 0, seconds(100), 1);
        assertEquals(100, budget.epochsAfter(1, 32, 100, seconds(250)), "not before the warmup's end");
        assertEquals(44, budget.epochsAfter(2, 32, 100, seconds(400)));
    }

    @Test
    void growsWhenLaterEpochsRunFasterButOnlyInTheFirstHalfOfTheDecay() {
        EpochBudget budget = new EpochBudget("run", spec(100, 2, 0, 112.0), 0, 0, seconds(100), 1);
        int planned = budget.epochsAfter(2, 32, 100, seconds(400));
        // epoch 3 took 120 s, not 150: the 6,200 s left hold 51 more epochs of 120 s
        assertEquals(54, budget.epochsAfter(3, 32, planned, seconds(520)));
        // epoch 30 of 54, past the middle of the decay (2..54): no more growth, even at ~62 s per epoch
        assertEquals(54, budget.epochsAfter(30, 32, 54, seconds(520 + 27 * 60)));
    }

    @Test
    void shrinksWheneverLaterEpochsRunSlowerSoTheRunEndsInTime() {
        EpochBudget budget = new EpochBudget("run", spec(100, 2, 0, 112.0), 0, 0, seconds(100), 1);
        int planned = budget.epochsAfter(2, 32, 100, seconds(400));
        // epochs 3..40 took 200 s each: the budget is spent, and one more epoch of decay is kept
        assertEquals(41, budget.epochsAfter(40, 32, planned, seconds(400 + 38 * 200)));
    }

    @Test
    void countsTheTimeEarlierAttemptsUsed() {
        // resumed after epoch 10 with 1,800 s used; 20 s to load, then 150 s for epoch 11: the 4,750 s left hold 31
        EpochBudget budget = new EpochBudget("run", spec(100, 2, 0, 112.0), 1800, 0, seconds(20), 11);
        assertEquals(1800 + 170, budget.secondsUsed(seconds(170)), 1e-9);
        assertEquals(11 + 31, budget.epochsAfter(11, 32, 44, seconds(170)));
    }

    @Test
    void estimatesTheInputSizesEpochsFromTheSmallOnesByTheirPixels() {
        // two warmup epochs of 100 s at 24px: an epoch at 32px is estimated at 100 * (32/24)^2 = 178 s. With 60% of
        // n epochs small, the 6,340 s left hold 49: 27 more small (2,700 s), 20 large (3,556 s); 50 would need 6,356
        assertEquals(49, resizedBudgetAfterItsFirstEpoch().epochsAfter(2, 24, 100, seconds(380)));
    }

    /** A budget of 112 minutes for a job whose first 60% of epochs are at 24px, its first epoch done in 100 s. */
    private static EpochBudget resizedBudgetAfterItsFirstEpoch() {
        EpochBudget budget = new EpochBudget("run", ProgressiveResizingTest.spec(100, 24, 0.6), 0, 0, seconds(180), 1);
        budget.epochsAfter(1, 24, 100, seconds(280));
        return budget;
    }

    @Test
    void growsOnceAtTheFirstEpochAtTheInputSizeWhenItRunsFasterThanEstimated() {
        EpochBudget budget = resizedBudgetAfterItsFirstEpoch();
        assertEquals(49, budget.epochsAfter(2, 24, 100, seconds(380)));
        long smallDone = seconds(380 + 27 * 100); // epochs 3..29 at 24px, as estimated
        assertEquals(49, budget.epochsAfter(29, 24, 49, smallDone));
        // epoch 30, the first at 32px, took 150 s, not 178: the 3,490 s left hold 23 more at 150 s, past the middle
        // of the decay
        assertEquals(53, budget.epochsAfter(30, 32, 49, smallDone + seconds(150)));
        // epoch 31 took 100 s: 27 more would fit at the mean 125 s, but the run has grown once already
        assertEquals(53, budget.epochsAfter(31, 32, 53, smallDone + seconds(250)));
    }

    @Test
    void jobWithoutABudgetKeepsItsEpochs() {
        EpochBudget budget = new EpochBudget("run", spec(30, 2, 0, null), 0, 0, 0, 1);
        assertEquals(30, budget.epochsAfter(2, 32, 30, seconds(1e6)));
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    @Test
    void rejectsANonPositiveTimeBudget() {
        InvalidJobException e =
                assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec(10, 2, 0, 0.0)));
        assertTrue(e.getMessage().contains("budget.minutes must be more than 0 and at most 10080"), e.getMessage());
    }
}
