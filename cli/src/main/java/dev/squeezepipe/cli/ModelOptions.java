package dev.squeezepipe.cli;

import dev.squeezepipe.spec.DesignSpace;
import dev.squeezepipe.model.ModelVariant;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.model.Stem;
import picocli.CommandLine.Option;

/** The network options shared by every command that builds a SqueezeNet. */
final class ModelOptions {

    @Option(names = "--variant", defaultValue = "recipe",
            description = "recipe, cifar, simple-bypass, complex-bypass, cifar-simple-bypass, cifar-complex-bypass")
    String variant;

    @Option(names = "--classes", defaultValue = "10", description = "output classes")
    int classes;

    @Option(names = "--size", description = "input side (default 224 for the recipe stem, 32 for cifar)")
    Integer size;

    @Option(names = "--base-e", defaultValue = "128", description = "design space: base_e")
    int baseE;

    @Option(names = "--incr-e", defaultValue = "128", description = "design space: incr_e")
    int incrE;

    @Option(names = "--freq", defaultValue = "2", description = "design space: freq")
    int freq;

    @Option(names = "--pct3x3", defaultValue = "0.5", description = "design space: pct3x3")
    double pct3x3;

    @Option(names = "--sr", defaultValue = "0.125", description = "design space: squeeze ratio SR")
    double squeezeRatio;

    SqueezeNetConfig config() {
        ModelVariant parsed = ModelVariant.parse(variant);
        int side = size != null ? size : parsed.stem() == Stem.CIFAR ? 32 : 224;
        return new SqueezeNetConfig(parsed, classes, side, new DesignSpace(baseE, incrE, freq, pct3x3, squeezeRatio));
    }
}
