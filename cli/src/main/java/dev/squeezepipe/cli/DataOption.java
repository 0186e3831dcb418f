package dev.squeezepipe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data}: the dataset a command reads; ./pipeline defaults it to the shared CIFAR-10 archive. */
final class DataOption {

    @Option(names = "--data", defaultValue = "${env:SQUEEZEPIPE_DATA}", required = true,
            description = "release folder, .tar.gz, or class-named image folders (default: the shared CIFAR-10)")
    Path data;
}
