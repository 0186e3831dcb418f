package dev.squeezepipe.cli;

import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.predictor.GridService;
import dev.squeezepipe.predictor.ModelSwapper;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline grid --out FILE.png}: the tutorial's picture from the newest checkpoint in the embedded
 * stack's state (trained with {@code ./pipeline train} or {@code up}).
 */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = "Draw 32 test images titled with the served model's predictions (blue right, red wrong).")
final class GridCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Mixin
    StateOption stateOption;

    @Option(names = "--wait-seconds", defaultValue = "60", description = "how long to wait for a checkpoint")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(stateOption.state);
                ApplicationContext predictor = stack.context("predictor", Map.of())) {
            ModelSwapper swapper = predictor.getBean(ModelSwapper.class);
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            while (swapper.currentId() == null) {
                if (System.nanoTime() > deadline) {
                    System.err.println("no checkpoint to serve in " + stateOption.state
                            + ": run ./pipeline train first");
                    return 1;
                }
                Thread.sleep(200); // the predictor replays the checkpoint topic and loads the newest
            }
            Files.write(out, predictor.getBean(GridService.class).png());
            System.out.println("grid of " + swapper.currentId() + " written to " + out);
            return 0;
        }
    }
}
