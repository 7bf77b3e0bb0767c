package dev.multisite.stack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Lets tests in other packages run {@code fleet export} the way {@link MultisiteCli#run} runs a
 * command: under a stand-in {@code fleet} parent, with the CLI's own error handling ({@link CliErrors}).
 */
public final class FleetExportTestAccess {
    private FleetExportTestAccess() {
    }

    /** Stands in for the real {@code fleet} command, which registers {@link FleetExportCommand} the same way. */
    @Command(name = "fleet", subcommands = FleetExportCommand.class)
    static final class TestFleet {
    }

    public record Run(int code, String out, String err) {
    }

    /** Runs {@code fleet <args>}, e.g. {@code run("export", "--stack-file", ...)}. */
    public static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new TestFleet());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        var errors = new CliErrors(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Run(code, out.toString(), err.toString());
    }
}
