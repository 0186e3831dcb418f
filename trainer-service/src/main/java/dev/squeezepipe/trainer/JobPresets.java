package dev.squeezepipe.trainer;

import dev.squeezepipe.spec.DesignSpace;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.LowResolution;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
import java.util.Locale;

/**
 * Named training jobs. {@code recipe} is the tutorial as given (224x224, batch 32, 30 epochs, linear decay to 0
 * from lr_max 0.01 after 5 warmup epochs; meant for a GPU). {@code cpu} trains a 32x32 SqueezeNet with the CIFAR
 * stem, batch norm, no dropout and no ReLU after the final conv, with label smoothing and cutout, its first epochs
 * on 24x24 images (progressive resizing), for as many epochs as fit in under two hours on the machine it runs on.
 * {@code demo} is the short run behind {@code ./pipeline demo}.
 */
public final class JobPresets {

    /** The cpu preset's training time: two hours less room for ingest, start-up and scoring. */
    public static final double CPU_BUDGET_MINUTES = 112;

    /** CIFAR stem with batch norm, no dropout and no ReLU after the final conv, at 32x32. */
    private static final Network CPU_NETWORK = Network.cifar10("cifar-bn-linear-head-no-dropout", 32);
    private static final Optimisation CPU_OPTIMISATION = Optimisation.sgd(64, 5e-4).withLabelSmoothing(0.1);
    /** The first half of the epochs on 24x24 images: a step there costs about two thirds of one at 32x32. */
    private static final LowResolution CPU_LOW_RESOLUTION = new LowResolution(24, 0.5);
    private static final double CPU_CUTOUT = 0.375;

    private JobPresets() {}

    /** The preset {@code name} for {@code datasetId}, or an error naming the known presets. */
    public static TrainingJobSpec named(String name, String datasetId) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "recipe":
                return new TrainingJobSpec(Data.of(datasetId), new Network("recipe", 10, 224, DesignSpace.DEFAULT),
                        Optimisation.sgd(32, 1e-4), Schedule.linear(0.01, 5), Augmentation.CROP_AND_FLIP,
                        Budget.epochs(30), Checkpoints.EVERY_EPOCH_KEEP_10, TrainingJobSpec.DEFAULT_SEED);
            case "cpu":
                // batch norm learns far faster than the plain network at this size; label smoothing and the linear
                // head each add a little accuracy; cutout holds off the overfitting of a long run; the small first
                // half makes those epochs cheaper; the budget ends the whole run within two hours on any machine
                return new TrainingJobSpec(Data.of(datasetId).withLowResolution(CPU_LOW_RESOLUTION), CPU_NETWORK,
                        CPU_OPTIMISATION, Schedule.linear(0.05, 2), Augmentation.cropFlipAndCutout(CPU_CUTOUT),
                        new Budget(100, CPU_BUDGET_MINUTES), Checkpoints.EVERY_EPOCH_KEEP_10,
                        TrainingJobSpec.DEFAULT_SEED);
            case "demo":
                // a few epochs on a subset with the cpu preset's network and peak lr; one warmup epoch
                return new TrainingJobSpec(Data.of(datasetId), CPU_NETWORK, CPU_OPTIMISATION, Schedule.linear(0.05, 1),
                        Augmentation.CROP_AND_FLIP, Budget.epochs(5), Checkpoints.EVERY_EPOCH_KEEP_10,
                        TrainingJobSpec.DEFAULT_SEED);
            default:
                throw new IllegalArgumentException("unknown preset '" + name + "'; expected recipe, cpu or demo");
        }
    }

    /**
     * {@code preset} with {@code epochs} epochs (the maximum, with a time budget), a budget of {@code minutes},
     * {@code seed} and only the first {@code trainLimit} training images; {@code null} keeps the preset's value.
     */
    public static TrainingJobSpec overridden(TrainingJobSpec preset, Integer epochs, Double minutes, Long seed,
            Integer trainLimit) {
        TrainingJobSpec spec = epochs != null ? preset.withEpochs(epochs) : preset;
        spec = minutes != null ? spec.withTimeBudgetMinutes(minutes) : spec;
        spec = seed != null ? spec.withSeed(seed) : spec;
        return trainLimit != null ? spec.withTrainLimit(trainLimit) : spec;
    }
}
