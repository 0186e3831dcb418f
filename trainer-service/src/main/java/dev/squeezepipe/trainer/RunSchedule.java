package dev.squeezepipe.trainer;

import ai.djl.training.tracker.Tracker;
import dev.squeezepipe.schedule.LearningRateSchedule;

/**
 * The run's learning-rate schedule. A time-budgeted run replaces it once, at the end of its warmup, with the
 * schedule of the epochs that fit; the warmup's values do not depend on the length, so the run sees no jump.
 */
final class RunSchedule implements Tracker {

    private volatile LearningRateSchedule current;

    RunSchedule(LearningRateSchedule first) {
        this.current = first;
    }

    void replace(LearningRateSchedule next) {
        current = next;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return current.getNewValue(numUpdate);
    }

    /** This schedule for an optimizer created after {@code stepsDone} steps (see LearningRateSchedule). */
    Tracker resumedAfter(long stepsDone) {
        return numUpdate -> current.resumedAfter(stepsDone).getNewValue(numUpdate);
    }
}
