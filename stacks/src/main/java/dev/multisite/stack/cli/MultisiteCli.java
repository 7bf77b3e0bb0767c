package dev.multisite.stack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * The {@code ./multisite} command line. Its attributes are inherited ({@code scope = INHERIT}): every
 * subcommand has the standard --help and --version options without declaring them.
 */
@Command(name = "multisite", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, version = "multisite 0.1.0",
        description = "Multi-site active-active Kubernetes across providers, as one Pulumi stack.",
        subcommands = {PlanCommand.class, CheckCommand.class, InitCommand.class, DrillCommand.class, FailoverCommand.class, RunbookCommand.class, SchemaCommand.class, PartsCommand.class, FleetCommand.class,
                VerifyCommand.class})
public final class MultisiteCli {
    private MultisiteCli() {
    }

    public static void main(String[] args) {
        dev.multisite.stack.CommonPool.ensureParallelism();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The command tree, for parsing command lines without running them (workflow checks). */
    public static CommandLine commandLine() {
        var cli = new CommandLine(new MultisiteCli());
        FleetCommand.addWalks(cli.getSubcommands().get("fleet"));
        headExitCodes(cli);
        return cli;
    }

    /**
     * Every command that lists its exit codes heads the list alike, said here once. Not an inherited
     * attribute: picocli would print the heading over commands that list none.
     */
    private static void headExitCodes(CommandLine command) {
        var usage = command.getCommandSpec().usageMessage();
        if (!usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading("%nExit codes:%n");
        }
        command.getSubcommands().values().forEach(MultisiteCli::headExitCodes);
    }

    /** Runs the CLI with the given streams; returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        var errors = new CliErrors(err);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        int code = cli.execute(args);
        out.flush();
        // PrintWriter (and the PrintStream under it) swallow write errors: a full disk or a closed pipe
        // would otherwise end with exit 0 and nothing written (`multisite schema > /dev/full`).
        if (out.checkError()) {
            err.println("error: standard output could not be written (disk full, or the reading end closed); nothing complete was written");
            code = Math.max(code, CliErrors.FAILED);
        }
        err.flush();
        return code;
    }
}
