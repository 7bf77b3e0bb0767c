package dev.multisite.stack.cli;

import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.stack.runbook.Runbooks;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code multisite runbook}: writes the stack's runbooks, generated from its topology and plan. */
@Command(name = "runbook",
        description = {"Write Markdown runbooks generated from the stack.",
                "One per site (site unavailable), one for a database primary failure and one for split brain,",
                "each with a Mermaid topology diagram."})
final class RunbookCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    StackChoice choice;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the runbooks to.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputFiles.checkDirectoryTarget(spec.commandLine(), "--out", out);
        StackFile stack = choice.read();
        var plan = OfflinePlanner.plan(stack.stackName(), stack.topology());
        // Every runbook is rendered before the first is written: a failure leaves no partial set.
        var files = Runbooks.generate(stack.stackName(), stack.topology(), plan);
        Files.createDirectories(out);
        for (var file : files.entrySet()) {
            OutputFiles.write(out.resolve(file.getKey()), file.getValue());
            spec.commandLine().getOut().println("wrote " + out.resolve(file.getKey()));
        }
        return 0;
    }
}
