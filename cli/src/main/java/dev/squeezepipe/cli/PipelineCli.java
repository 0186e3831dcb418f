package dev.squeezepipe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code ./pipeline} front door; each subcommand is one class. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Train SqueezeNet on CIFAR-10 and serve it, over Kafka and S3.",
        subcommands = {SummaryCommand.class, InspectCommand.class, IngestCommand.class, TrainCommand.class,
                DemoCommand.class, UpCommand.class, GridCommand.class, BenchCommand.class, TopicsCommand.class})
public final class PipelineCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineCli()).execute(args));
    }
}
