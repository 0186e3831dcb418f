package dev.squeezepipe.trainer;

import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.LowResolution;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.schedule.ScheduleSpec;

/** Checks a job before any work starts, so an impossible job fails at once with its reason. */
public final class JobValidator {

    private static final int MAX_CLASSES = 1000;
    private static final int MAX_INPUT = 512;
    /**
     * The most pixels of input one step may hold (batch x side x side): batch 256 at 224 px, eight times the
     * recipe's, about 150 MB of floats before any activation.
     */
    static final long MAX_STEP_PIXELS = 256L * 224 * 224;
    static final int MAX_EPOCHS = 1000;
    /** A week. */
    static final double MAX_MINUTES = 7 * 24 * 60;
    static final int MAX_KEPT_CHECKPOINTS = 100;
    static final int MAX_TRAIN_IMAGES = 10_000_000;

    private JobValidator() {}

    /** The network the job describes, or an {@link InvalidJobException} saying what is wrong. */
    public static SqueezeNetConfig validate(TrainingJobSpec spec) throws InvalidJobException {
        require(spec != null, "the job has no spec");
        require(spec.data() != null && spec.network() != null && spec.optimisation() != null
                && spec.schedule() != null && spec.augmentation() != null && spec.budget() != null
                && spec.checkpoints() != null, "the spec lacks a group: data, network, optimisation, schedule, "
                + "augmentation, budget and checkpoints are all required");
        requireData(spec.data(), spec.network().inputSize());
        requireNetwork(spec.network());
        requireOptimisation(spec.optimisation());
        long stepPixels = (long) spec.optimisation().batchSize() * spec.network().inputSize()
                * spec.network().inputSize();
        require(stepPixels <= MAX_STEP_PIXELS, "optimisation.batchSize x network.inputSize^2 must be at most "
                + MAX_STEP_PIXELS + " (batch 256 at 224 px), got " + stepPixels);
        requireBudget(spec.budget(), spec.checkpoints());
        try {
            schedule(spec, 1);
            // the training preprocessing checks its own cutout share
            PreprocessSpec.recipe(spec.network().inputSize(), spec.augmentation().cropAndFlip())
                    .withCutout(spec.augmentation().cutout());
            SqueezeNetConfig config = SqueezeNetConfig.of(spec.network());
            if (spec.data().lowResolution() != null) {
                lowResConfig(config, spec.data().lowResolution().size());
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException(e.getMessage());
        }
    }

    private static void requireData(Data data, int inputSize) throws InvalidJobException {
        require(data.datasetId() != null && !data.datasetId().isBlank(), "the job names no dataset");
        require(data.trainLimit() == null || data.trainLimit() >= 1 && data.trainLimit() <= MAX_TRAIN_IMAGES,
                "data.trainLimit must be 1-" + MAX_TRAIN_IMAGES + " images, got " + data.trainLimit());
        LowResolution low = data.lowResolution();
        if (low != null) {
            require(low.size() >= 1 && low.size() < inputSize, "data.lowResolution.size must be 1-" + (inputSize - 1)
                    + " (below the input size), got " + low.size());
            require(low.share() > 0 && low.share() <= 1,
                    "data.lowResolution.share must be in (0,1], got " + low.share());
        }
    }

    private static void requireNetwork(Network network) throws InvalidJobException {
        require(network.variant() != null, "network.variant is missing");
        require(network.design() != null, "network.design is missing");
        require(network.classes() >= 2 && network.classes() <= MAX_CLASSES,
                "network.classes must be 2-" + MAX_CLASSES + ", got " + network.classes());
        require(network.inputSize() >= 1 && network.inputSize() <= MAX_INPUT,
                "network.inputSize must be 1-" + MAX_INPUT + ", got " + network.inputSize());
    }

    private static void requireOptimisation(Optimisation o) throws InvalidJobException {
        require(o.batchSize() >= 1 && o.batchSize() <= 4096,
                "optimisation.batchSize must be 1-4096, got " + o.batchSize());
        require(o.momentum() >= 0 && o.momentum() < 1, "optimisation.momentum must be in [0,1), got " + o.momentum());
        require(o.weightDecay() >= 0, "optimisation.weightDecay must be >= 0, got " + o.weightDecay());
        require(o.labelSmoothing() >= 0 && o.labelSmoothing() < 1,
                "optimisation.labelSmoothing must be in [0,1), got " + o.labelSmoothing());
    }

    private static void requireBudget(Budget budget, Checkpoints checkpoints) throws InvalidJobException {
        require(budget.epochs() >= 1 && budget.epochs() <= MAX_EPOCHS,
                "budget.epochs must be 1-" + MAX_EPOCHS + ", got " + budget.epochs());
        require(budget.minutes() == null || budget.minutes() > 0 && budget.minutes() <= MAX_MINUTES,
                "budget.minutes must be more than 0 and at most " + (int) MAX_MINUTES + " (a week), got "
                        + budget.minutes());
        require(checkpoints.every() >= 1 && checkpoints.every() <= MAX_EPOCHS,
                "checkpoints.every must be 1-" + MAX_EPOCHS + " epochs, got " + checkpoints.every());
        require(checkpoints.keep() >= 1 && checkpoints.keep() <= MAX_KEPT_CHECKPOINTS,
                "checkpoints.keep must be 1-" + MAX_KEPT_CHECKPOINTS + ", got " + checkpoints.keep());
    }

    /** The network at the low resolution: fails, naming the field, when its feature map vanishes there. */
    private static void lowResConfig(SqueezeNetConfig config, int side) {
        try {
            new SqueezeNetConfig(config.variant(), config.classes(), side, config.designSpace());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data.lowResolution.size: " + e.getMessage(), e);
        }
    }

    /** The job's learning-rate schedule for epochs of {@code stepsPerEpoch} steps. */
    public static ScheduleSpec schedule(TrainingJobSpec spec, int stepsPerEpoch) {
        Schedule s = spec.schedule();
        if (s.mode() == null) {
            throw new IllegalArgumentException("schedule.mode is missing: expected steps, poly, linear or cosine");
        }
        return new ScheduleSpec(s.mode(), s.lrInit(), s.lrEnd(), s.lrMax(), spec.budget().epochs() + s.pretrainEpochs(),
                s.warmupEpochs(), s.pretrainEpochs(), stepsPerEpoch);
    }

    private static void require(boolean ok, String reason) throws InvalidJobException {
        if (!ok) {
            throw new InvalidJobException(reason);
        }
    }
}
