package dev.squeezepipe.spec;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Everything a trainer needs to run a job, in the groups a reader looks for: what data, which network, how it is
 * optimised, the learning-rate schedule, the augmentation, how long, and which checkpoints are kept.
 *
 * @param data the dataset and how much of it, at which resolutions
 * @param network the network to build
 * @param optimisation batch, SGD with momentum, weight decay and the loss
 * @param schedule the learning-rate schedule
 * @param augmentation what each training image goes through
 * @param budget how many epochs, and in how much time
 * @param checkpoints how often checkpoints are stored and how many are kept
 * @param seed seed of initialization, shuffling and augmentation
 */
@Serdeable
public record TrainingJobSpec(Data data, Network network, Optimisation optimisation, Schedule schedule,
        Augmentation augmentation, Budget budget, Checkpoints checkpoints, long seed) {

    /** The seed presets use unless told otherwise. */
    public static final long DEFAULT_SEED = 1;

    /**
     * The training data.
     *
     * @param datasetId the dataset to train on (from a dataset-ready event)
     * @param trainLimit use only the first N training images; {@code null}: all
     * @param lowResolution progressive resizing: the run's first epochs on downscaled images; {@code null}: every
     *     epoch at the network's input size
     */
    @Serdeable
    public record Data(String datasetId, @Nullable Integer trainLimit, @Nullable LowResolution lowResolution) {

        /** All of {@code datasetId} at the network's input size. */
        public static Data of(String datasetId) {
            return new Data(datasetId, null, null);
        }

        /** This data with the first epochs downscaled. */
        public Data withLowResolution(LowResolution lowResolution) {
            return new Data(datasetId, trainLimit, lowResolution);
        }
    }

    /**
     * Progressive resizing: a share of the epochs (of the count in force, with a time budget) trains on images
     * downscaled to {@code size}; the rest at the network's input size.
     *
     * @param size side of the downscaled images, below the input size
     * @param share share of the epochs at that side, in (0, 1]
     */
    @Serdeable
    public record LowResolution(int size, double share) {}

    /**
     * The network.
     *
     * @param variant stem, bypass and head (recipe, cifar, cifar-bn-linear-head-no-dropout, ...)
     * @param classes output classes
     * @param inputSize side of the square input
     * @param design the paper's Fire-size knobs
     */
    @Serdeable
    public record Network(String variant, int classes, int inputSize, DesignSpace design) {

        /** CIFAR-10's classes. */
        public static final int CIFAR_CLASSES = 10;

        /** {@code variant} for CIFAR-10 at {@code inputSize}, with the paper's Fire sizes. */
        public static Network cifar10(String variant, int inputSize) {
            return new Network(variant, CIFAR_CLASSES, inputSize, DesignSpace.DEFAULT);
        }
    }

    /**
     * How each step updates the weights.
     *
     * @param batchSize images per step
     * @param momentum SGD momentum
     * @param weightDecay L2 weight decay
     * @param labelSmoothing share of each target spread evenly over all classes (softmax cross-entropy against
     *     {@code (1 - e) * onehot + e / classes}); 0: plain softmax cross-entropy
     */
    @Serdeable
    public record Optimisation(int batchSize, double momentum, double weightDecay, double labelSmoothing) {

        /** The recipe's momentum. */
        public static final double MOMENTUM = 0.9;

        /** SGD with the recipe's momentum and plain cross-entropy. */
        public static Optimisation sgd(int batchSize, double weightDecay) {
            return new Optimisation(batchSize, MOMENTUM, weightDecay, 0);
        }

        /** This optimisation with label smoothing {@code e}. */
        public Optimisation withLabelSmoothing(double e) {
            return new Optimisation(batchSize, momentum, weightDecay, e);
        }
    }

    /**
     * The recipe's learning-rate schedule.
     *
     * @param mode steps, poly, linear or cosine
     * @param lrInit learning rate at the start of warmup
     * @param lrMax peak learning rate
     * @param lrEnd final learning rate (linear mode)
     * @param warmupEpochs epochs of linear warmup
     * @param pretrainEpochs epochs of the schedule already done elsewhere
     */
    @Serdeable
    public record Schedule(DecayMode mode, double lrInit, double lrMax, double lrEnd, int warmupEpochs,
            int pretrainEpochs) {

        /** Linear warmup from 0 over {@code warmupEpochs}, then linear decay from {@code lrMax} to 0. */
        public static Schedule linear(double lrMax, int warmupEpochs) {
            return new Schedule(DecayMode.LINEAR, 0, lrMax, 0, warmupEpochs, 0);
        }

        /** This schedule with {@code warmupEpochs} epochs of warmup. */
        public Schedule withWarmupEpochs(int warmupEpochs) {
            return new Schedule(mode, lrInit, lrMax, lrEnd, warmupEpochs, pretrainEpochs);
        }
    }

    /**
     * What each training image goes through.
     *
     * @param cropAndFlip a random crop with 4-px padding and a random horizontal flip
     * @param cutout with {@code cropAndFlip}: side of a square, as a share of the image side, set to the channel means
     *     at a random place (DeVries and Taylor's cutout); 0: none
     */
    @Serdeable
    public record Augmentation(boolean cropAndFlip, double cutout) {

        /** Images as they are. */
        public static final Augmentation NONE = new Augmentation(false, 0);

        /** The recipe's crop and flip. */
        public static final Augmentation CROP_AND_FLIP = new Augmentation(true, 0);

        /** Crop, flip and a cutout of {@code share} of the side. */
        public static Augmentation cropFlipAndCutout(double share) {
            return new Augmentation(true, share);
        }
    }

    /**
     * How long the run trains.
     *
     * @param epochs epochs to train; with {@code minutes}, the maximum
     * @param minutes when set, from the end of the warmup (or of the first epoch) on the trainer fits the run to as
     *     many epochs as fit in this many minutes from the job's start, and the schedule decays over those
     */
    @Serdeable
    public record Budget(int epochs, @Nullable Double minutes) {

        /** Exactly {@code epochs} epochs, however long they take. */
        public static Budget epochs(int epochs) {
            return new Budget(epochs, null);
        }
    }

    /**
     * Which checkpoints a run stores.
     *
     * @param every epochs between checkpoints
     * @param keep checkpoints kept per run, the newest
     */
    @Serdeable
    public record Checkpoints(int every, int keep) {

        /** The recipe's: one every epoch, the newest 10 kept. */
        public static final Checkpoints EVERY_EPOCH_KEEP_10 = new Checkpoints(1, 10);
    }

    /**
     * A plain run of {@code network} on {@code datasetId}: exactly {@code epochs} epochs of {@code batchSize} images,
     * SGD at lr 0.01 decaying linearly to 0 without warmup, weight decay 1e-4, no augmentation, a checkpoint every
     * epoch; the short runs of tests and benches start from it.
     */
    public static TrainingJobSpec plain(String datasetId, Network network, int epochs, int batchSize) {
        return new TrainingJobSpec(Data.of(datasetId), network, Optimisation.sgd(batchSize, 1e-4),
                Schedule.linear(0.01, 0), Augmentation.NONE, Budget.epochs(epochs), Checkpoints.EVERY_EPOCH_KEEP_10,
                DEFAULT_SEED);
    }

    /** This spec with {@code augmentation}. */
    public TrainingJobSpec withAugmentation(Augmentation augmentation) {
        return new TrainingJobSpec(data, network, optimisation, schedule, augmentation, budget, checkpoints, seed);
    }

    /** This spec keeping {@code checkpoints}. */
    public TrainingJobSpec withCheckpoints(Checkpoints checkpoints) {
        return new TrainingJobSpec(data, network, optimisation, schedule, augmentation, budget, checkpoints, seed);
    }

    /** The dataset trained on. */
    public String datasetId() {
        return data.datasetId();
    }

    /** This spec with {@code epochs} epochs; a longer warmup is cut to leave at least one epoch of decay. */
    public TrainingJobSpec withEpochs(int epochs) {
        int warmup = Math.min(schedule.warmupEpochs(), schedule.pretrainEpochs() + Math.max(0, epochs - 1));
        return new TrainingJobSpec(data, network, optimisation, schedule.withWarmupEpochs(warmup),
                augmentation, new Budget(epochs, budget.minutes()), checkpoints, seed);
    }

    /** This spec with a time budget ({@code null}: none, the epochs exactly). */
    public TrainingJobSpec withTimeBudgetMinutes(Double minutes) {
        return new TrainingJobSpec(data, network, optimisation, schedule, augmentation,
                new Budget(budget.epochs(), minutes), checkpoints, seed);
    }

    /** This spec with {@code seed} for initialization, shuffling and augmentation. */
    public TrainingJobSpec withSeed(long seed) {
        return new TrainingJobSpec(data, network, optimisation, schedule, augmentation, budget, checkpoints, seed);
    }

    /** This spec reading only the first {@code limit} training images ({@code null}: all). */
    public TrainingJobSpec withTrainLimit(Integer limit) {
        return new TrainingJobSpec(new Data(data.datasetId(), limit, data.lowResolution()), network, optimisation,
                schedule, augmentation, budget, checkpoints, seed);
    }
}
