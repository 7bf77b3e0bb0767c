package dev.multisite.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.offline.Plan;
import dev.multisite.stack.cli.ExampleTopology;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;

import dev.multisite.offline.PlannedResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The committed example stacks, read and planned the way {@code ./multisite plan} does. */
public final class ExampleStacks {
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([a-z0-9-]+)\\.yaml");
    /** Every committed {@code stacks/Pulumi.*.yaml}, by name, found in the directory (Maven runs tests inside {@code stacks/}). */
    public static final List<String> NAMES = discover(Path.of("."));
    /** The plans of this test run, one per stack: planning a stack takes seconds, and ~35 tests read them. */
    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();
    /** The fleet-mode plans of this test run, by part, per committed stack (PartsUnionTest and FleetMigrationTest read the same). */
    private static final Map<String, Map<String, Plan>> PART_PLANS = new ConcurrentHashMap<>();
    /** The prefix of a generated fleet's name: {@code init-52} is the 52-site fleet `./multisite init` writes. */
    public static final String INIT = "init-";

    private ExampleStacks() {
    }

    public static Path file(String stack) {
        return Path.of("Pulumi." + stack + ".yaml");
    }

    public static StackFile read(String stack) {
        return StackFile.read(file(stack));
    }

    /** A committed stack's topology, or for {@code init-<n>} the n-site fleet over every provider that `./multisite init` writes. */
    public static Topology topology(String stack) {
        return stack.startsWith(INIT) ? init(Integer.parseInt(stack.substring(INIT.length()))) : read(stack).topology();
    }

    /** A committed stack's topology as its stack file writes it: a fresh tree, for a test to edit into a variant. */
    public static ObjectNode topologyTree(String stack) {
        try {
            return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(file(stack).toFile()).path("config").path(StackFile.TOPOLOGY_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offline plan of a committed stack with its topology edited: a variant no example commits. */
    public static Plan planEdited(String stack, Consumer<ObjectNode> edit) {
        ObjectNode topology = topologyTree(stack);
        edit.accept(topology);
        return OfflinePlanner.plan(stack, TopologyParser.parse(topology));
    }

    /** The topology `./multisite init --sites n` writes (every provider, domain example.com). */
    public static Topology init(int sites) {
        return TopologyParser.parse(ExampleTopology.stackFile(sites, List.of(CloudProvider.values()), "example.com")
                .path("config").path(StackFile.TOPOLOGY_KEY));
    }

    /** For {@code @MethodSource("dev.multisite.stack.ExampleStacks#names")}. */
    public static List<String> names() {
        return NAMES;
    }

    /** The stack names of the {@code Pulumi.<name>.yaml} files in {@code directory}, sorted. */
    static List<String> discover(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> STACK_FILE.matcher(f.getFileName().toString())).filter(java.util.regex.Matcher::matches)
                    .map(m -> m.group(1)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every part's offline plan of a stack, by part in deploy order: planned once per test run for a
     * committed stack (read-only: callers must not edit the inputs), every call for {@code init-<n>}
     * (52 site parts are not worth their memory between tests).
     */
    public static Map<String, Plan> partPlans(String stack) {
        if (stack.startsWith(INIT)) {
            return dev.multisite.stack.plan.PartPlanner.planAll(stack, topology(stack));
        }
        return PART_PLANS.computeIfAbsent(stack, s -> dev.multisite.stack.plan.PartPlanner.planAll(read(s).stackName(), read(s).topology()));
    }

    /**
     * The stack's offline plan (or for {@code init-<n>} the generated fleet's), planned once per test run. Each caller gets its own copy of the
     * inputs (JSON trees are mutable, and a test may edit what it was given).
     */
    public static Plan plan(String stack) {
        Plan plan = PLANS.computeIfAbsent(stack, s -> s.startsWith(INIT) ? OfflinePlanner.plan(s, topology(s))
                : OfflinePlanner.plan(read(s).stackName(), read(s).topology()));
        Map<String, com.fasterxml.jackson.databind.JsonNode> outputs = new java.util.LinkedHashMap<>();
        plan.outputs().forEach((name, value) -> outputs.put(name, value == null ? null : value.deepCopy()));
        return new Plan(plan.stackName(), plan.resources().stream().map(ExampleStacks::copy).toList(), outputs, plan.componentOutputs());
    }

    private static PlannedResource copy(PlannedResource r) {
        return new PlannedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), r.dependencies(),
                r.propertyDependencies(), r.protect(), r.inputs().deepCopy());
    }
}
