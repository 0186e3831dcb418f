package dev.squeezepipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PipelineCliTest {

    private record Run(int exit, String err) {

        List<String> lines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = PipelineCli.commandLine();
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void aFailingCommandPrintsOneLineNamingItAndExitsNonZero() {
        Run run = run("summary", "--variant", "nope");
        assertEquals(1, run.exit());
        assertEquals(2, run.lines().size(), run.err());
        assertTrue(run.lines().get(0).startsWith("pipeline summary: unknown model variant 'nope'"), run.err());
        assertEquals("(--verbose shows where)", run.lines().get(1));
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = run("summary", "--variant", "nope", "--verbose");
        assertEquals(1, run.exit());
        assertTrue(run.lines().get(0).startsWith("pipeline summary: unknown model variant 'nope'"), run.err());
        assertTrue(run.err().contains("\tat dev.squeezepipe."), run.err());
    }
}
