package dev.squeezepipe.events;

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
 */
@Serdeable
public record TrainingJobSpec(String datasetId, String variant, int baseE, int incrE, int freq, double pct3x3,
        double squeezeRatio, int classes, int inputSize, int epochs, int batchSize, double momentum,
        double weightDecay, String lrMode, double lrInit, double lrMax, double lrEnd, int warmupEpochs,
        int pretrainEpochs, boolean augment, long seed, int checkpointEvery, int keepCheckpoints,
        @Nullable Integer trainLimit) {}
