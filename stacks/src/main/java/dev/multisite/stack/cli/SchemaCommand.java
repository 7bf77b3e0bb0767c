package dev.multisite.stack.cli;

import dev.multisite.pkg.MultisitePackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code multisite schema}: the Pulumi package schema the component package serves, from the same
 * provider the plugin runs ({@link MultisitePackage#schema()}), so it can be read and checked
 * without a Pulumi CLI.
 */
@Command(name = "schema",
        description = {"Print the Pulumi package schema of the multisite component package.",
                "It is exactly what the plugin in package/ serves to `pulumi package add` (multisite:index:Fleet)."})
final class SchemaCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (out != null) {
            OutputFiles.checkFile(spec.commandLine(), "--out", out);
        }
        String schema = MultisitePackage.schema();
        if (out == null) {
            spec.commandLine().getOut().println(schema);
        } else {
            OutputFiles.write(out, schema + "\n");
            spec.commandLine().getOut().println("wrote " + out);
        }
        return 0;
    }
}
