package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.squeezepipe.spec.DecayMode;
import dev.squeezepipe.schedule.LearningRateSchedule;
import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.schedule.ScheduleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunScheduleTest {

    private static final int STEPS = 100;

    /** Linear decay from 0.05 to 0 after 2 warmup epochs (from 0), over {@code epochs} epochs of 100 steps. */
    private static LearningRateSchedule linear(int epochs) {
        return new LearningRateSchedule(new ScheduleSpec(DecayMode.LINEAR, 0, 0, 0.05, epochs, 2, 0, STEPS));
    }

    @Test
    void withoutRefitsIsTheJobsSchedule() {
        RunSchedule run = new RunSchedule(linear(30), STEPS, List.of());
        for (int update = 1; update <= 30 * STEPS + 5; update += 7) {
            assertEquals(linear(30).getNewValue(update), run.getNewValue(update), "update " + update);
        }
    }

    @Test
    void refitAtTheEndOfTheWarmupIsTheScheduleOfTheNewLength() {
        RunSchedule run = new RunSchedule(linear(100), STEPS, List.of());
        run.refit(2, 29);
        for (int update = 1; update <= 29 * STEPS; update += 13) {
            assertEquals(linear(29).getNewValue(update), run.getNewValue(update), 1e-7, "update " + update);
        }
    }

    @Test
    void laterRefitGoesOnFromTheCurrentRateToTheEndOfTheNewLength() {
        RunSchedule run = new RunSchedule(linear(100), STEPS, List.of(new ScheduleRefit(2, 29)));
        float atRefit = run.valueAt(5 * STEPS);
        run.refit(5, 35);
        assertEquals(linear(29).valueAt(5 * STEPS - 1), run.valueAt(5 * STEPS - 1), 1e-7, "the past is unchanged");
        assertEquals(atRefit, run.valueAt(5 * STEPS), 1e-7, "no jump");
        assertEquals(atRefit / 2, run.valueAt(20 * STEPS), 1e-6, "halfway from epoch 5 to 35: half the rate");
        assertEquals(atRefit / (30 * STEPS), run.valueAt(35 * STEPS - 1), 1e-6, "one step before the end");
        assertEquals(run.valueAt(35 * STEPS - 1), run.valueAt(40 * STEPS), "past the end the last value holds");
    }

    @Test
    void resumedOptimizerAsksForTheStepsAfterTheCheckpoint() {
        RunSchedule run =
                new RunSchedule(linear(100), STEPS, List.of(new ScheduleRefit(2, 29), new ScheduleRefit(5, 35)));
        assertEquals(run.valueAt(600), LearningRateSchedule.resumedAfter(run, 600).getNewValue(1));
        assertEquals(List.of(new ScheduleRefit(2, 29), new ScheduleRefit(5, 35)), run.refits());
    }
}
