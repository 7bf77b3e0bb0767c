package dev.multisite.stack.cli;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.StackAlreadyExistsException;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.fleet.BoundedPulumiCommand;
import dev.multisite.stack.fleet.FleetMigration;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.PartPlanner;
import dev.multisite.stack.plan.StackFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code multisite fleet migrate}: the {@code pulumi state move} commands that move a deployed
 * one-stack fleet into its part stacks ({@link FleetMigration}), printed, or run with
 * {@code --execute} through the bounded pulumi command, one after the other, stopping at the first
 * that fails.
 */
@Command(name = "migrate",
        description = {"Print the pulumi state move commands that move a deployed one-stack fleet into its part stacks.",
                "Each part stack <stack>-<part> is created first (pulumi stack init); each move names the part's top resources",
                "(their children follow) and runs in an order that leaves every resource to the part that plans it.",
                "The stack resource and the providers stay: pulumi state move copies the providers a part needs.",
                "Run `./multisite fleet up` afterwards: each part's first update renames re-parented resources through their aliases."},
        exitCodeList = {"0:printed, or every command succeeded", "1:a pulumi command failed (the ones before it took effect)",
                "2:invalid stack file, topology or option (one line on stderr)"})
final class FleetMigrateCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    StackChoice choice;

    @Option(names = "--execute", description = "Run the commands (with --yes) instead of printing them.")
    boolean execute;

    @Option(names = "--timeout-seconds", paramLabel = "N", defaultValue = "600",
            description = "--execute: stop a pulumi command after N seconds and fail (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackFile stack = FleetStackFile.read(choice, spec.commandLine(), timeoutSeconds);
        PartGraph graph = PartGraph.of(stack.topology());
        var one = OfflinePlanner.plan(stack.stackName(), stack.topology());
        var moves = FleetMigration.of(stack.stackName(), graph, one, PartPlanner.planAll(stack.stackName(), stack.topology()));
        List<String> blocking = FleetMigration.providersUnderMovedResources(one);
        List<List<String>> commands = new ArrayList<>();
        for (FleetMigration.Move move : moves) {
            commands.add(List.of("stack", "init", move.destination()));
            List<String> args = new ArrayList<>(List.of("state", "move", "--source", stack.stackName(), "--dest", move.destination()));
            if (execute) {
                args.add("--yes");
            }
            args.addAll(move.urns());
            commands.add(args);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!blocking.isEmpty()) {
            out.println("# warning: " + blocking.size() + " providers of this stack are children of resources that move; pulumi state move"
                    + " (checked with v3.257.0) refuses such a move at its snapshot check and moves nothing, so these commands fail until it handles them");
        }
        if (!execute) {
            out.println("# " + moves.size() + " moves of stack " + stack.stackName() + " into its parts, in this order:");
            commands.forEach(c -> out.println(shell(c)));
            out.flush();
            return 0;
        }
        BoundedPulumiCommand pulumi;
        try {
            pulumi = BoundedPulumiCommand.create(System.getProperty(FleetCommand.PULUMI_PROPERTY, "pulumi"), Duration.ofSeconds(timeoutSeconds));
        } catch (AutomationException e) {
            spec.commandLine().getErr().println("fleet migrate: " + firstLine(e) + "; nothing was moved");
            return 1;
        }
        Path project = ProjectDir.find(Path.of("")).root();
        for (List<String> command : commands) {
            out.println("$ " + shell(command));
            out.flush();
            var options = CommandRunOptions.builder().workingDir(project).onStandardOutput(out::println).build();
            try {
                pulumi.within(Duration.ofSeconds(timeoutSeconds)).run(command, options);
            } catch (StackAlreadyExistsException e) {
                out.println("(stack " + command.get(2) + " exists already)");
            } catch (AutomationException e) {
                spec.commandLine().getErr().println("fleet migrate: `pulumi " + String.join(" ", command.subList(0, 2)) + "` failed: "
                        + firstLine(e) + "; the commands before it took effect");
                return 1;
            }
        }
        out.flush();
        return 0;
    }

    /** The command as a shell line: URNs hold {@code $}, so every argument but plain words is single-quoted. */
    static String shell(List<String> args) {
        StringBuilder line = new StringBuilder("pulumi");
        for (String arg : args) {
            line.append(' ').append(arg.matches("[A-Za-z0-9._/:=-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /** pulumi's own error line ("error: ..."), else the message's first line. */
    private static String firstLine(AutomationException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return text.lines().map(String::strip).filter(l -> l.startsWith("error:") || l.startsWith("Error:")).findFirst()
                .orElse(text.lines().findFirst().orElse(text));
    }
}
