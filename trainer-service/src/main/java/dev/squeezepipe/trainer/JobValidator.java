package dev.squeezepipe.trainer;

import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.spec.DecayMode;
import dev.squeezepipe.schedule.ScheduleSpec;

/** Checks a job before any work starts, so an impossible job fails at once with its reason. */
public final class JobValidator {

    private static final int MAX_CLASSES = 1000;
    private static final int MAX_INPUT = 1024;

    private JobValidator() {}

    /** The network the job describes, or an {@link InvalidJobException} saying what is wrong. */
    public static SqueezeNetConfig validate(TrainingJobSpec spec) throws InvalidJobException {
        if (spec == null) {
            throw new InvalidJobException("the job has no spec");
        }
        require(spec.datasetId() != null && !spec.datasetId().isBlank(), "the job names no dataset");
        require(spec.classes() >= 2 && spec.classes() <= MAX_CLASSES,
                "classes must be 2-" + MAX_CLASSES + ", got " + spec.classes());
        require(spec.inputSize() >= 1 && spec.inputSize() <= MAX_INPUT,
                "input size must be 1-" + MAX_INPUT + ", got " + spec.inputSize());
        require(spec.epochs() >= 1, "epochs must be at least 1, got " + spec.epochs());
        require(spec.batchSize() >= 1 && spec.batchSize() <= 4096,
                "batch size must be 1-4096, got " + spec.batchSize());
        require(spec.checkpointEvery() >= 1,
                "checkpoint interval must be at least 1 epoch, got " + spec.checkpointEvery());
        require(spec.keepCheckpoints() >= 1, "must keep at least 1 checkpoint, got " + spec.keepCheckpoints());
        require(spec.momentum() >= 0 && spec.momentum() < 1, "momentum must be in [0,1), got " + spec.momentum());
        require(spec.weightDecay() >= 0, "weight decay must be >= 0, got " + spec.weightDecay());
        require(spec.timeBudgetMinutes() == null || spec.timeBudgetMinutes() > 0,
                "time budget must be a positive number of minutes, got " + spec.timeBudgetMinutes());
        require(spec.labelSmoothing() == null || spec.labelSmoothing() >= 0 && spec.labelSmoothing() < 1,
                "label smoothing must be in [0,1), got " + spec.labelSmoothing());
        requireResizing(spec);
        try {
            schedule(spec, 1);
            // the training preprocessing checks its own cutout share
            PreprocessSpec.recipe(spec.inputSize(), spec.augment()).withCutout(spec.cutout());
            SqueezeNetConfig config = SqueezeNetConfig.of(spec);
            if (spec.lowResSize() != null) {
                lowResConfig(config, spec.lowResSize());
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException(e.getMessage());
        }
    }

    private static void requireResizing(TrainingJobSpec spec) throws InvalidJobException {
        require((spec.lowResSize() == null) == (spec.lowResShare() == null),
                "lowResSize and lowResShare go together, got " + spec.lowResSize() + " and " + spec.lowResShare());
        if (spec.lowResSize() != null) {
            require(spec.lowResSize() >= 1 && spec.lowResSize() < spec.inputSize(),
                    "lowResSize must be 1-" + (spec.inputSize() - 1) + " (below the input size), got "
                            + spec.lowResSize());
            require(spec.lowResShare() > 0 && spec.lowResShare() <= 1,
                    "lowResShare must be in (0,1], got " + spec.lowResShare());
        }
    }

    /** The network at the low resolution: fails, naming the field, when its feature map vanishes there. */
    private static void lowResConfig(SqueezeNetConfig config, int side) {
        try {
            new SqueezeNetConfig(config.variant(), config.classes(), side, config.designSpace());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lowResSize: " + e.getMessage(), e);
        }
    }

    /** The job's learning-rate schedule for epochs of {@code stepsPerEpoch} steps. */
    public static ScheduleSpec schedule(TrainingJobSpec spec, int stepsPerEpoch) {
        return new ScheduleSpec(DecayMode.parse(spec.lrMode()), spec.lrInit(), spec.lrEnd(), spec.lrMax(),
                spec.epochs() + spec.pretrainEpochs(), spec.warmupEpochs(), spec.pretrainEpochs(), stepsPerEpoch);
    }

    private static void require(boolean ok, String reason) throws InvalidJobException {
        if (!ok) {
            throw new InvalidJobException(reason);
        }
    }
}
