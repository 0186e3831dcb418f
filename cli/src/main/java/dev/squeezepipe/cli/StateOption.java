package dev.squeezepipe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state}: where the embedded Kafka broker and S3 server keep their data between commands. */
final class StateOption {

    @Option(names = "--state", defaultValue = "${sys:squeezepipe.root:-.}/.pipeline/state",
            description = "where the embedded broker and S3 server keep their data")
    Path state;
}
