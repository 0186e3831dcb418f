package dev.squeezepipe.trainer;

import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.spec.TrainingJobSpec.LowResolution;
import dev.squeezepipe.spec.TrainingJobSpec;
import java.util.List;

/**
 * Progressive resizing: the side each epoch of a run trains at. A job whose data sets a low resolution trains that
 * share of its epochs on images downscaled to its side and the rest at its input size, the side the evaluator and
 * predictor feed. The network is fully convolutional up to a global average pool, so the same parameters take either
 * side, and a step on smaller images costs less, about in the ratio of their pixels. The share applies to the epoch
 * count in force when an epoch begins, which a time budget refits; once an epoch has trained at the input size, every
 * later one does too.
 *
 * @param inputSize the job's input side
 * @param lowSize the side of the early epochs ({@code inputSize} when the job does not resize)
 * @param lowShare the share of the epochs trained at {@code lowSize}
 * @param maxEpochs the job's epochs before any refit
 */
record ProgressiveResizing(int inputSize, int lowSize, double lowShare, int maxEpochs) {

    /** The resizing {@code spec} asks for; without a low resolution, every epoch at the input size. */
    static ProgressiveResizing of(TrainingJobSpec spec) {
        int inputSize = spec.network().inputSize();
        LowResolution low = spec.data().lowResolution();
        return low == null ? new ProgressiveResizing(inputSize, inputSize, 0, spec.budget().epochs())
                : new ProgressiveResizing(inputSize, low.size(), low.share(), spec.budget().epochs());
    }

    /** Whether some epochs train below the input size. */
    boolean resizes() {
        return lowSize != inputSize && lowShare > 0;
    }

    /** The side of {@code epoch} (counted from 1 after any pretrain epochs) in a run refitted by {@code refits}. */
    int sideOf(int epoch, List<ScheduleRefit> refits) {
        for (int e = 1; e <= epoch; e++) {
            if (!low(e, plannedAt(e, refits))) {
                return inputSize;
            }
        }
        return lowSize;
    }

    /** Whether epoch {@code epoch} of a run of {@code epochs} epochs falls in the low-resolution share. */
    boolean low(int epoch, int epochs) {
        return resizes() && epoch <= Math.round(lowShare * epochs);
    }

    /** The epoch count in force when {@code epoch} begins. */
    private int plannedAt(int epoch, List<ScheduleRefit> refits) {
        int planned = maxEpochs;
        for (ScheduleRefit refit : refits) {
            if (refit.epoch() < epoch) {
                planned = refit.epochs();
            }
        }
        return planned;
    }
}
