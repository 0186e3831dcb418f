package dev.squeezepipe.spec;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Everything a trainer needs to run a job.
 *
 * @param datasetId dataset to train on (from a dataset-ready event)
 * @param variant model variant name (recipe, cifar, ...-simple-bypass, ...-complex-bypass)
 * @param baseE design-space base_e
 * @param incrE design-space incr_e
 * @param freq design-space freq
 * @param pct3x3 design-space pct3x3
 * @param squeezeRatio design-space SR
 * @param classes output classes
 * @param inputSize side of the network input
 * @param epochs epochs to train
 * @param batchSize images per step
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay
 * @param lrMode steps, poly, linear or cosine
 * @param lrInit learning rate at the start of warmup
 * @param lrMax peak learning rate
 * @param lrEnd final learning rate (linear mode)
 * @param warmupEpochs epochs of linear warmup
 * @param pretrainEpochs epochs of the schedule already done elsewhere
 * @param augment random crop and flip
 * @param seed seed of initialization, shuffling and augmentation
 * @param checkpointEvery epochs between checkpoints
 * @param keepCheckpoints checkpoints kept per run
 * @param trainLimit use only the first N training images (0: all)
 * @param timeBudgetMinutes when set, {@code epochs} is a maximum: from the end of the warmup (or of the first
 *        epoch) on, the trainer fits the run to as many epochs as fit in this many minutes from the job's start, and
 *        the learning-rate schedule decays over those
 * @param labelSmoothing share of each training target spread evenly over all classes (softmax cross-entropy
 *        against {@code (1 - e) * onehot + e / classes}); {@code null} or 0: plain softmax cross-entropy
 * @param lowResSize progressive resizing: side the images are downscaled to in the run's first epochs (a share
 *        {@code lowResShare} of them); the rest train at {@code inputSize}. {@code null}: every epoch at
 *        {@code inputSize}
 * @param lowResShare share of the epochs (of the count in force, with a time budget) trained at {@code lowResSize}
 * @param cutout with {@code augment}: side of a square, as a share of the image side, set to the channel means at a
 *        random place in every training image (DeVries and Taylor's cutout); {@code null} or 0: none
 */
@Serdeable
public record TrainingJobSpec(String datasetId, String variant, int baseE, int incrE, int freq, double pct3x3,
        double squeezeRatio, int classes, int inputSize, int epochs, int batchSize, double momentum,
        double weightDecay, String lrMode, double lrInit, double lrMax, double lrEnd, int warmupEpochs,
        int pretrainEpochs, boolean augment, long seed, int checkpointEvery, int keepCheckpoints,
        @Nullable Integer trainLimit, @Nullable Double timeBudgetMinutes, @Nullable Double labelSmoothing,
        @Nullable Integer lowResSize, @Nullable Double lowResShare, @Nullable Double cutout) {

    /** This spec with {@code epochs} epochs; a longer warmup is cut to leave at least one epoch of decay. */
    public TrainingJobSpec withEpochs(int epochs) {
        return copy(epochs, Math.min(warmupEpochs, pretrainEpochs + Math.max(0, epochs - 1)), seed, trainLimit,
                timeBudgetMinutes);
    }

    /** This spec with a time budget ({@code null}: none, {@code epochs} epochs exactly). */
    public TrainingJobSpec withTimeBudgetMinutes(Double minutes) {
        return copy(epochs, warmupEpochs, seed, trainLimit, minutes);
    }

    /** This spec with {@code seed} for initialization, shuffling and augmentation. */
    public TrainingJobSpec withSeed(long seed) {
        return copy(epochs, warmupEpochs, seed, trainLimit, timeBudgetMinutes);
    }

    /** This spec reading only the first {@code limit} training images. */
    public TrainingJobSpec withTrainLimit(Integer limit) {
        return copy(epochs, warmupEpochs, seed, limit, timeBudgetMinutes);
    }

    /** This spec with the fields that jobs and presets override replaced, every other field kept. */
    private TrainingJobSpec copy(int epochs, int warmupEpochs, long seed, Integer trainLimit, Double minutes) {
        return new TrainingJobSpec(datasetId, variant, baseE, incrE, freq, pct3x3, squeezeRatio, classes, inputSize,
                epochs, batchSize, momentum, weightDecay, lrMode, lrInit, lrMax, lrEnd, warmupEpochs, pretrainEpochs,
                augment, seed, checkpointEvery, keepCheckpoints, trainLimit, minutes, labelSmoothing, lowResSize,
                lowResShare, cutout);
    }
}
