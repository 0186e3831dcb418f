package dev.squeezepipe.model;

import dev.squeezepipe.spec.DesignSpace;
import dev.squeezepipe.spec.TrainingJobSpec;

/**
 * Everything that determines a SqueezeNet's structure.
 *
 * @param variant stem and bypass
 * @param classes number of output classes
 * @param inputSize side of the square input image
 * @param designSpace the Fire-size knobs
 */
public record SqueezeNetConfig(ModelVariant variant, int classes, int inputSize, DesignSpace designSpace) {

    /** Channels produced by conv1. */
    public static final int STEM_CHANNELS = 96;

    public SqueezeNetConfig {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
        if (variant.stem().finalMapSize(inputSize) < 1) {
            throw new IllegalArgumentException("input size " + inputSize + " is too small for the "
                    + variant.stem().name().toLowerCase() + " stem: the feature map vanishes before the final conv"
                    + (variant.stem() == Stem.RECIPE ? " (use the cifar stem for 32x32 images)" : ""));
        }
    }

    /** The network a training job describes; fails with the reason when it cannot be built. */
    public static SqueezeNetConfig of(TrainingJobSpec.Network network) {
        return new SqueezeNetConfig(ModelVariant.parse(network.variant()), network.classes(), network.inputSize(),
                network.design());
    }

    /** The recipe's network for {@code classes} classes at 224x224. */
    public static SqueezeNetConfig recipe(int classes) {
        return new SqueezeNetConfig(ModelVariant.parse("recipe"), classes, 224, DesignSpace.DEFAULT);
    }
}
