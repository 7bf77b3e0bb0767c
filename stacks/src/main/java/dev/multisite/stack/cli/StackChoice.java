package dev.multisite.stack.cli;

import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.TopologyLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;

/**
 * The stack a command reads, as an exclusive picocli {@code @ArgGroup}: {@code --stack NAME} (the
 * project's {@code Pulumi.<NAME>.yaml}) or {@code --stack-file PATH}. Commands declare it with the
 * multiplicity they need ({@code "1"}, or {@code "0..1"} where the embedded example stands in). An
 * ArgGroup rather than a mixin: picocli lists a mixin's group options twice in the usage help.
 */
final class StackChoice {
    @Option(names = "--stack", paramLabel = "NAME", required = true,
            description = "Stack name; reads <stackConfigDir>/Pulumi.<NAME>.yaml of the project.")
    String stack;

    @Option(names = "--stack-file", paramLabel = "PATH", required = true, description = "Any Pulumi.<stack>.yaml file.")
    Path stackFile;

    StackFile read() {
        return stackFile != null ? StackFile.read(stackFile) : named(stack);
    }

    /** The stack file of the project's stack {@code name}. */
    static StackFile named(String name) {
        return StackFile.read(ProjectDir.find(Path.of("")).stackFile(name));
    }

    /** The {@code --site} the user named, as a site of {@code stack}; exit 2 with the stack's sites otherwise. */
    static SiteSpec site(CommandLine cli, StackFile stack, String site) {
        return stack.topology().site(site).orElseThrow(() -> new ParameterException(cli, "--site: '" + TopologyLimits.quote(site)
                + "' is not a site of stack " + stack.stackName() + "; sites: "
                + String.join(", ", stack.topology().sites().stream().map(SiteSpec::name).toList())));
    }
}
