package dev.multisite.stack.cli;

import dev.multisite.parts.PartConfig;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.fleet.AutomationExecutor;
import dev.multisite.stack.fleet.FleetRunner;
import dev.multisite.stack.fleet.PartExecutor.Action;
import dev.multisite.stack.plan.StackFile;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code multisite fleet preview|up|destroy}: runs a fleet-mode stack part by part, each part its
 * own Pulumi stack {@code <stack>-<part>}, through the Pulumi Automation API; {@code export} writes
 * the graph for an existing engine instead. A walking subcommand is one more entry of {@code WALKS}.
 */
@Command(name = "fleet",
        description = {"Deploy a fleet-mode stack part by part with the pulumi CLI.",
                "Each part (`./multisite parts` lists them) is its own Pulumi stack <stack>-<part>, run once the parts it reads are done;",
                "independent parts run in parallel. `fleet export` writes the same graph for the Pulumi Kubernetes Operator or GitHub Actions."},
        subcommands = {FleetExportCommand.class, FleetMigrateCommand.class})
final class FleetCommand implements Callable<Integer> {
    /** One hour per part: a site part's first up creates a managed cluster, its node pools and its network. */
    static final long DEFAULT_TIMEOUT_SECONDS = 3600;
    /**
     * The pulumi command the fleet runs: {@code pulumi} on PATH. The system property exists for the
     * in-process tests, which point it at a stand-in script.
     */
    static final String PULUMI_PROPERTY = "multisite.pulumi";
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }

    /** A walking subcommand's help: what it does, what exit 0 means, and which parts a failed part skips. */
    private record Walk(Action action, String description, String done, String skipped) {
        Map<String, String> exitCodes() {
            var codes = new LinkedHashMap<String, String>();
            codes.put("0", done);
            codes.put("1", "a part failed (" + skipped + " were skipped)");
            codes.put("2", "invalid options or stack file");
            return codes;
        }
    }

    private static final List<Walk> WALKS = List.of(
            new Walk(Action.PREVIEW, "Preview every part (pulumi preview), in deploy order.", "every part previewed", "the parts that read it"),
            new Walk(Action.UP, "Deploy every part (pulumi up), each once the parts it reads are deployed.", "every part deployed", "the parts that read it"),
            new Walk(Action.DESTROY, "Destroy every part (pulumi destroy), each once the parts that read it are destroyed.", "every part destroyed",
                    "the parts it reads"));

    /** The options and the run of a subcommand that walks the part graph: {@code fleet preview}, {@code up} or {@code destroy}. */
    static final class GraphWalk implements Callable<Integer> {
        @ArgGroup(multiplicity = "1")
        StackChoice choice;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + FleetRunner.DEFAULT_PARALLELISM,
                description = "Run at most N parts at once (default: ${DEFAULT-VALUE}).")
        int parallel;

        @Option(names = "--only", paramLabel = "PART", arity = "1..*",
                description = "Run only these parts; parts outside the selection are assumed done (deployed, or for destroy: destroyed).")
        List<String> only;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Where each part's work directory (its Pulumi.yaml, stack config file and <action>.log) goes. "
                        + "Default: a new temporary directory, removed when every part succeeded.")
        Path workDir;

        @Option(names = "--timeout-seconds", paramLabel = "N", defaultValue = "" + DEFAULT_TIMEOUT_SECONDS,
                description = "Stop a part's pulumi commands after N seconds and report the part failed (default: ${DEFAULT-VALUE}, "
                        + "room for a site part's first up, whose EKS, GKE or AKS cluster alone takes 10 to 20 minutes).")
        long timeoutSeconds;

        @Spec
        CommandSpec spec;

        private final Action action;

        GraphWalk(Action action) {
            this.action = action;
        }

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            if (parallel < 1) {
                throw new ParameterException(spec.commandLine(), "--parallel: '" + parallel + "' is not allowed; give a whole number from 1");
            }
            StackFile stack = FleetStackFile.read(choice, spec.commandLine(), timeoutSeconds);
            PartGraph graph = PartGraph.of(stack.topology());
            for (String part : only == null ? List.<String>of() : only) {
                try {
                    graph.require(part);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--only: " + e.getMessage());
                }
            }
            if (workDir != null) {
                OutputFiles.checkDirectoryTarget(spec.commandLine(), "--work-dir", workDir);
            }
            Path projectFile = ProjectDir.find(Path.of("")).root().resolve("Pulumi.yaml");
            // A --work-dir this run creates is removed again if the run fails before any part starts.
            boolean created = workDir == null || !Files.exists(workDir);
            Path root = AutomationExecutor.workRoot(workDir);
            out.println("fleet " + action.verb() + " of stack " + stack.stackName() + ": " + graph.parts().size() + " parts, at most "
                    + parallel + " at once; work directory " + root);
            out.flush();
            AutomationExecutor executor;
            try {
                executor = AutomationExecutor.open(projectFile, stack.path(), stack.stackName(), root,
                        System.getProperty(PULUMI_PROPERTY, "pulumi"), Duration.ofSeconds(timeoutSeconds));
            } catch (AutomationExecutor.FleetException e) {
                if (created) {
                    delete(root);
                }
                throw e;
            }
            long secret = executor.partConfigKeys().values().stream().filter(s -> s).count();
            out.println("config of stack " + stack.stackName() + ": " + executor.partConfigKeys().size() + " keys (" + secret
                    + " secret) set on every part stack, with " + PartConfig.PART_KEY + " and " + PartConfig.FLEET_STACK_KEY);
            out.flush();
            var result = new FleetRunner(graph, action, parallel, executor, out).run(only == null ? List.of() : only);
            out.println();
            out.print(result.table());
            if (result.exitCode() == 0 && workDir == null) {
                delete(root);
            } else if (result.exitCode() != 0) {
                out.println("logs: " + root + "/<part>/" + action.verb() + ".log");
            }
            out.flush();
            return result.exitCode();
        }

        private static void delete(Path root) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind is harmless.
            }
        }
    }

    /**
     * Adds preview, up and destroy, one {@link GraphWalk} each: they differ only in their action and
     * help. They go ahead of the annotated subcommands, so the help lists the walks first.
     */
    static void addWalks(CommandLine fleet) {
        var annotated = new LinkedHashMap<>(fleet.getSubcommands());
        annotated.keySet().forEach(fleet.getCommandSpec()::removeSubcommand);
        for (Walk walk : WALKS) {
            var command = new CommandLine(new GraphWalk(walk.action()));
            command.getCommandSpec().usageMessage().description(walk.description()).exitCodeList(walk.exitCodes());
            fleet.addSubcommand(walk.action().verb(), command);
        }
        annotated.forEach(fleet::addSubcommand);
    }
}
