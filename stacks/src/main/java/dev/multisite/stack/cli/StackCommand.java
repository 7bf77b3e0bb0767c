package dev.multisite.stack.cli;

import dev.multisite.stack.plan.StackFile;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that reads one stack ({@code --stack} or {@code --stack-file}, required) and prints what
 * it found. The flow every such command shares: its own options are checked first, so a bad one is
 * a one-line exit 2 before the stack file is read; then the stack is read and the command runs.
 */
abstract class StackCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    StackChoice choice;

    @Spec
    CommandSpec spec;

    /** Refuses options the stack is not needed to judge (ParameterException, exit 2); nothing by default. */
    void checkOptions(CommandLine cli) {
    }

    /** The command's work on the stack it was given; returns the exit code. */
    abstract int run(StackFile stack, PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        var cli = spec.commandLine();
        checkOptions(cli);
        int code = run(choice.read(), cli.getOut());
        cli.getOut().flush();
        return code;
    }
}
