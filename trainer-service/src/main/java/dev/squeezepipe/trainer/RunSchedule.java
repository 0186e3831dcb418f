package dev.squeezepipe.trainer;

import ai.djl.training.tracker.Tracker;
import dev.squeezepipe.schedule.LearningRateSchedule;
import dev.squeezepipe.spec.ScheduleRefit;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's learning-rate schedule: the job's schedule over its epochs (the maximum, with a time budget), fitted onto
 * the run's length each time the budget changes it. A refit after epoch e maps what is left of the schedule after e
 * onto the new remaining steps, so the rate goes on from its current value without a jump and reaches the job's
 * final value at the new end: with linear decay, a straight line from the current rate down to lr_end. A refit at
 * the end of the warmup gives exactly the schedule of the new length, whose warmup is the same.
 */
final class RunSchedule implements Tracker {

    private final LearningRateSchedule job;
    private final int stepsPerEpoch;
    /** Immutable, replaced on each refit: the optimizer reads it per parameter per step without copying. */
    private volatile List<ScheduleRefit> refits;

    RunSchedule(LearningRateSchedule job, int stepsPerEpoch, List<ScheduleRefit> refits) {
        this.job = job;
        this.stepsPerEpoch = stepsPerEpoch;
        this.refits = List.copyOf(refits);
    }

    /** From the end of {@code epoch} on, the run trains {@code epochs} epochs in all. */
    void refit(int epoch, int epochs) {
        List<ScheduleRefit> next = new ArrayList<>(refits);
        next.add(new ScheduleRefit(epoch, epochs));
        refits = List.copyOf(next);
    }

    /** The refits so far, in order: stored with every checkpoint, so a resumed run follows the same schedule. */
    List<ScheduleRefit> refits() {
        return refits;
    }

    /** DJL counts updates from 1: update 1 is step 0. Past the end the last value holds. */
    @Override
    public float getNewValue(int numUpdate) {
        return valueAt(numUpdate - 1L);
    }

    /** The learning rate of step {@code step} (0-based, after any pretrain epochs). */
    float valueAt(long step) {
        List<ScheduleRefit> all = refits;
        double x = Math.max(0, Math.min(step, length(all, all.size()) - 1));
        for (int k = all.size() - 1; k >= 0; k--) {
            double from = (double) all.get(k).epoch() * stepsPerEpoch;
            if (x >= from) {
                x = from + (x - from) * (length(all, k) - from) / (length(all, k + 1) - from);
            }
        }
        return job.interpolatedAt(x);
    }

    /** Steps of the schedule after the first {@code count} of {@code all} refits. */
    private double length(List<ScheduleRefit> all, int count) {
        return count == 0 ? job.length() : (double) all.get(count - 1).epochs() * stepsPerEpoch;
    }
}
