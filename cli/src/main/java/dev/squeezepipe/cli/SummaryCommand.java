package dev.squeezepipe.cli;

import dev.squeezepipe.model.ModelSummary;
import dev.squeezepipe.model.SqueezeNet;
import dev.squeezepipe.model.SqueezeNetConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints each layer's output shape, parameters and multiply-accumulates after a real forward pass. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Per-layer output shape, parameters and MACs of a SqueezeNet variant.")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Override
    public Integer call() {
        SqueezeNetConfig config = model.config();
        ModelSummary summary = ModelSummary.of(SqueezeNet.build(config), config);
        System.out.printf("SqueezeNet %s, %d classes, %dx%d input%n%n", config.variant().id(), config.classes(),
                config.inputSize(), config.inputSize());
        System.out.print(summary.render());
        System.out.printf("%n{\"variant\":\"%s\",\"size\":%d,\"classes\":%d,\"parameters\":%d,\"macs\":%d}%n",
                config.variant().id(), config.inputSize(), config.classes(), summary.totalParameters(),
                summary.totalMultiplyAccumulates());
        return 0;
    }
}
