package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobSpec;
import java.util.Locale;

/**
 * Named training jobs. {@code recipe} is the tutorial as given (224x224, batch 32, 30 epochs, linear decay to 0
 * from lr_max 0.01 after 5 warmup epochs; meant for a GPU). {@code cpu} trains a 32x32 SqueezeNet with the CIFAR
 * stem, sized for about two hours on a 2-core CPU (see BENCHMARKS.md). {@code demo} is the
 * short run behind {@code ./pipeline demo}.
 */
public final class JobPresets {

    private JobPresets() {}

    /** The preset {@code name} for {@code datasetId}, or an error naming the known presets. */
    public static TrainingJobSpec named(String name, String datasetId) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "recipe":
                return new TrainingJobSpec(datasetId, "recipe", 128, 128, 2, 0.5, 0.125, 10, 224, 30, 32, 0.9, 1e-4,
                        "linear", 0.0, 0.01, 0.0, 5, 0, true, 1, 1, 10, null);
            case "cpu":
                // plain CIFAR stem: the simple bypass without batch norm was seen to die (loss stuck at ln 10) on
                // short runs here; lr_max 0.02 after 2 warmup epochs (0.01 learns, 0.04 was seen to kill it)
                // 65 epochs: about 92 s each at ~550 images/s here (3-epoch run, BENCHMARKS.md): ~100 of the 120 minutes
                return new TrainingJobSpec(datasetId, "cifar", 128, 128, 2, 0.5, 0.125, 10, 32, 65, 64,
                        0.9, 5e-4, "linear", 0.0, 0.02, 0.0, 2, 0, true, 1, 1, 10, null);
            case "demo":
                // a few epochs on a subset, in the setting seen to learn from the first epoch here: the plain CIFAR
                // stem at lr 0.01. The bypass variants, and lr 0.04 reached within a few hundred steps, were seen to
                // kill the BN-free net's final ReLU on small budgets (loss stuck at ln 10 = 2.3026)
                return new TrainingJobSpec(datasetId, "cifar", 128, 128, 2, 0.5, 0.125, 10, 32, 5, 64,
                        0.9, 1e-4, "linear", 0.0, 0.01, 0.0, 0, 0, false, 1, 1, 10, null);
            default:
                throw new IllegalArgumentException("unknown preset '" + name + "'; expected recipe, cpu or demo");
        }
    }
}
