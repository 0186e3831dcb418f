package dev.squeezepipe.cli;

import dev.squeezepipe.bench.IngestBenchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./pipeline bench <name>}: runs a benchmark, prints its figures and a final JSON line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark (ingest); figures end with one JSON line.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "which benchmark: ingest")
    String name;

    @Option(names = "--data", defaultValue = "${env:SQUEEZEPIPE_DATA}", description = "dataset to use")
    Path data;

    @Override
    public Integer call() throws Exception {
        switch (name) {
            case "ingest":
                IngestBenchmark.run(requireData()).print();
                return 0;
            default:
                System.err.println("unknown benchmark '" + name + "'; expected ingest");
                return 2;
        }
    }

    private Path requireData() {
        if (data == null) {
            throw new IllegalArgumentException("no dataset: pass --data or set SQUEEZEPIPE_DATA");
        }
        return data;
    }
}
