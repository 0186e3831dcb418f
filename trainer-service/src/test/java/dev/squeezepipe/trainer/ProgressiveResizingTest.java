package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.spec.DecayMode;
import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.LowResolution;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
import dev.squeezepipe.spec.TrainingJobSpec;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressiveResizingTest {

    static TrainingJobSpec spec(int epochs, Integer lowSize, Double lowShare) {
        LowResolution low = lowSize == null ? null : new LowResolution(lowSize, lowShare);
        return new TrainingJobSpec(new Data("ds", null, low), Network.cifar10("cifar-bn", 32),
                Optimisation.sgd(64, 5e-4), new Schedule(DecayMode.LINEAR, 0, 0.05, 0, 2, 0),
                Augmentation.cropFlipAndCutout(0), new Budget(epochs, 112.0), Checkpoints.EVERY_EPOCH_KEEP_10, 1);
    }

    @Test
    void trainsTheFirstShareOfTheEpochsSmallerThenAtTheInputSize() {
        ProgressiveResizing resizing = ProgressiveResizing.of(spec(10, 24, 0.6));
        List<Integer> sides = IntStream.rangeClosed(1, 10).map(e -> resizing.sideOf(e, List.of())).boxed().toList();
        assertEquals(List.of(24, 24, 24, 24, 24, 24, 32, 32, 32, 32), sides);
    }

    @Test
    void appliesTheShareToTheCountARefitSet() {
        ProgressiveResizing resizing = ProgressiveResizing.of(spec(100, 24, 0.6));
        List<ScheduleRefit> refits = List.of(new ScheduleRefit(2, 40));
        assertEquals(24, resizing.sideOf(24, refits), "60% of the 40 epochs fitted after epoch 2");
        assertEquals(32, resizing.sideOf(25, refits));
        assertEquals(24, resizing.sideOf(2, refits), "before the refit, 60 of 100 were low");
    }

    @Test
    void staysAtTheInputSizeOnceAnEpochTrainedThereEvenIfTheRunGrows() {
        ProgressiveResizing resizing = ProgressiveResizing.of(spec(100, 24, 0.3));
        // fitted to 20 after epoch 2 (6 low epochs), grown to 40 after epoch 7, which trained at 32
        List<ScheduleRefit> refits = List.of(new ScheduleRefit(2, 20), new ScheduleRefit(7, 40));
        assertEquals(32, resizing.sideOf(7, refits));
        assertEquals(32, resizing.sideOf(8, refits), "30% of 40 would be 12, but epoch 7 was already at 32");
    }

    @Test
    void jobWithoutLowResolutionTrainsEveryEpochAtItsInputSize() {
        ProgressiveResizing resizing = ProgressiveResizing.of(spec(10, null, null));
        assertFalse(resizing.resizes());
        assertTrue(IntStream.rangeClosed(1, 10).allMatch(e -> resizing.sideOf(e, List.of()) == 32));
    }

    @Test
    void rejectsALowResolutionThatIsNotBelowTheInputSize() {
        InvalidJobException e = assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec(10, 32, 0.5)));
        assertTrue(e.getMessage().contains("data.lowResolution.size must be 1-31"), e.getMessage());
    }

    @Test
    void rejectsALowResolutionWithoutAShare() {
        InvalidJobException e = assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec(10, 24, 0.0)));
        assertTrue(e.getMessage().contains("data.lowResolution.share must be in (0,1]"), e.getMessage());
    }

    @Test
    void rejectsALowResolutionAtWhichTheFeatureMapVanishes() {
        // the cifar stem halves the map three times: 4 -> 2 -> 1 -> 0
        InvalidJobException e = assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec(10, 4, 0.5)));
        assertTrue(e.getMessage().startsWith("data.lowResolution.size: input size 4 is too small"), e.getMessage());
    }
}
