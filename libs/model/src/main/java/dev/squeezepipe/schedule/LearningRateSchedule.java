package dev.squeezepipe.schedule;

import ai.djl.training.tracker.Tracker;

/**
 * The recipe's {@code get_lr} as a DJL {@link Tracker}: values are computed in double precision in the
 * recipe's order of operations and rounded to float32, so they equal the recipe's arrays bit for bit.
 */
public final class LearningRateSchedule implements Tracker {

    private final ScheduleSpec spec;
    private final long totalSteps;
    private final long warmupSteps;
    private final long pretrainSteps;

    public LearningRateSchedule(ScheduleSpec spec) {
        this.spec = spec;
        this.totalSteps = (long) spec.stepsPerEpoch() * spec.totalEpochs();
        this.warmupSteps = (long) spec.stepsPerEpoch() * spec.warmupEpochs();
        this.pretrainSteps = (long) spec.stepsPerEpoch() * spec.pretrainEpochs();
    }

    public ScheduleSpec spec() {
        return spec;
    }

    /** Steps the schedule covers: all epochs less the pretrained ones. */
    public long length() {
        return totalSteps - pretrainSteps;
    }

    /**
     * DJL counts updates from 1: the first optimizer step asks for {@code numUpdate = 1}, which is step 0.
     * Past the end the last value holds.
     */
    @Override
    public float getNewValue(int numUpdate) {
        long step = Math.max(0, Math.min((long) numUpdate - 1, length() - 1));
        return valueAt(step);
    }

    /**
     * {@code schedule} for a run resumed after {@code stepsDone} steps: a fresh optimizer counts from 1 again,
     * so its first update asks for step {@code stepsDone}.
     */
    public static Tracker resumedAfter(Tracker schedule, long stepsDone) {
        return numUpdate -> schedule.getNewValue((int) Math.min(Integer.MAX_VALUE, numUpdate + stepsDone));
    }

    /** The learning rate of step {@code step} (0-based, after the pretrain offset). */
    public float valueAt(long step) {
        if (step < 0 || step >= length()) {
            throw new IndexOutOfBoundsException("step " + step + " outside [0, " + length() + ")");
        }
        return (float) raw(step + pretrainSteps);
    }

    /**
     * The learning rate at a fractional step (0-based, after the pretrain offset; clamped to the schedule), for a
     * schedule stretched onto another length.
     */
    public float interpolatedAt(double step) {
        return (float) raw(Math.max(0, Math.min(step, length() - 1)) + pretrainSteps);
    }

    /** All values, as the recipe's {@code get_lr} returns them. */
    public float[] values() {
        float[] out = new float[Math.toIntExact(length())];
        for (int i = 0; i < out.length; i++) {
            out[i] = valueAt(i);
        }
        return out;
    }

    private double raw(double i) {
        switch (spec.mode()) {
            case STEPS:
                return steps(i);
            case POLY:
                return i < warmupSteps ? warmup(i) : poly(i);
            case COSINE:
                return i < warmupSteps ? warmup(i) : cosine(i);
            default:
                return i < warmupSteps ? warmup(i) : linear(i);
        }
    }

    private double warmup(double i) {
        return spec.lrInit() + (spec.lrMax() - spec.lrInit()) / (double) warmupSteps * i;
    }

    private double steps(double i) {
        if (i < 0.3 * totalSteps) {
            return spec.lrMax();
        } else if (i < 0.6 * totalSteps) {
            return spec.lrMax() * 0.1;
        } else if (i < 0.8 * totalSteps) {
            return spec.lrMax() * 0.01;
        }
        return spec.lrMax() * 0.001;
    }

    private double poly(double i) {
        double base = 1.0 - (i - (double) warmupSteps) / ((double) totalSteps - (double) warmupSteps);
        return Math.max(0.0, spec.lrMax() * base * base);
    }

    private double linear(double i) {
        return spec.lrMax() - (spec.lrMax() - spec.lrEnd()) * (i - warmupSteps) / (double) (totalSteps - warmupSteps);
    }

    private double cosine(double i) {
        double decaySteps = totalSteps - warmupSteps;
        double linearDecay = (totalSteps - i) / decaySteps;
        // the recipe's cosine runs over steps since warmup, its linear factor over all steps
        double cosineDecay = 0.5 * (1 + Math.cos(Math.PI * 2 * 0.47 * (i - warmupSteps) / decaySteps));
        double decayed = linearDecay * cosineDecay + 0.00001;
        return spec.lrMax() * decayed;
    }
}
