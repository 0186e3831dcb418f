package dev.squeezepipe.cli;

import dev.squeezepipe.errors.Failures;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code ./pipeline} front door; each subcommand is one class. A failing command prints one line naming the
 * command and what went wrong, and exits 1; {@code --verbose} adds the stack trace.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Train SqueezeNet on CIFAR-10 and serve it, over Kafka and S3.",
        subcommands = {SummaryCommand.class, InspectCommand.class, IngestCommand.class, TrainCommand.class,
                DemoCommand.class, UpCommand.class, GridCommand.class, BenchCommand.class, TopicsCommand.class})
public final class PipelineCli {

    static final String VERBOSE = "--verbose";

    @Option(names = VERBOSE, scope = ScopeType.INHERIT, description = "print the stack trace of a failure")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its one-line failure report. */
    static CommandLine commandLine() {
        return new CommandLine(new PipelineCli()).setExecutionExceptionHandler(PipelineCli::report);
    }

    private static int report(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        Throwable failure = Failures.unwrap(e);
        err.println(command.getCommandSpec().qualifiedName() + ": " + Failures.reason(failure));
        if (verbose(parsed)) {
            failure.printStackTrace(err);
        } else {
            err.println("(" + VERBOSE + " shows where)");
        }
        err.flush();
        return 1;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
