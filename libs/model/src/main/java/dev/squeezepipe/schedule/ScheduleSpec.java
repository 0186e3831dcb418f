package dev.squeezepipe.schedule;

import dev.squeezepipe.spec.DecayMode;

/**
 * The inputs of the recipe's {@code get_lr}: one learning rate per step over {@code totalEpochs}, of which
 * the first {@code pretrainEpochs} are skipped (training resumed from a pretrained model).
 */
public record ScheduleSpec(DecayMode mode, double lrInit, double lrEnd, double lrMax, int totalEpochs,
        int warmupEpochs, int pretrainEpochs, int stepsPerEpoch) {

    public ScheduleSpec {
        if (totalEpochs < 1 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("total epochs and steps per epoch must be positive, got "
                    + totalEpochs + " and " + stepsPerEpoch);
        }
        if (warmupEpochs < 0 || pretrainEpochs < 0 || pretrainEpochs >= totalEpochs) {
            throw new IllegalArgumentException("warmup must be >= 0 and pretrain in [0, total epochs); got warmup "
                    + warmupEpochs + ", pretrain " + pretrainEpochs + ", total " + totalEpochs);
        }
        if (lrMax <= 0 || lrInit < 0 || lrEnd < 0) {
            throw new IllegalArgumentException("learning rates must be non-negative and lr_max positive");
        }
    }

    /** The same schedule for a different epoch length (used once a dataset's size is known). */
    public ScheduleSpec withStepsPerEpoch(int steps) {
        return new ScheduleSpec(mode, lrInit, lrEnd, lrMax, totalEpochs, warmupEpochs, pretrainEpochs, steps);
    }
}
