package dev.squeezepipe.cli;

import dev.squeezepipe.bench.DemoFlow;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./pipeline demo}: the tutorial end to end on a small budget, through all four services. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest a subset, train a few epochs, evaluate, serve, draw the prediction grid (minutes).")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    DataOption dataOption;

    @Option(names = "--limit", defaultValue = "10000", description = "images per split (0: all)")
    int limit;

    @Option(names = "--epochs", defaultValue = "5", description = "epochs of the demo preset")
    int epochs;

    @Option(names = "--out", defaultValue = "demo-grid.png", description = "where to write the prediction grid")
    Path out;

    @Override
    public Integer call() throws Exception {
        DemoFlow.Result result = DemoFlow.run(dataOption.data, limit, epochs, out);
        System.out.printf(Locale.ROOT, "%s: test top-1 %.4f, top-5 %.4f on %d images; grid in %s; %.0f s%n",
                result.jobId(), result.top1(), result.top5(), result.testImages(), result.grid(), result.seconds());
        String grid = result.grid().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        System.out.printf(Locale.ROOT, "{\"top1\":%.4f,\"top5\":%.4f,\"seconds\":%.1f,\"grid\":\"%s\"}%n",
                result.top1(), result.top5(), result.seconds(), grid);
        return 0;
    }
}
