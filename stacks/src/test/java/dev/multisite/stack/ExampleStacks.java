package dev.multisite.stack;

import dev.multisite.offline.Plan;
import dev.multisite.stack.cli.ExampleTopology;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;

import java.nio.file.Path;
import java.util.List;

/** The committed example stacks, read and planned the way {@code ./multisite plan} does. */
public final class ExampleStacks {
    /** Every committed {@code stacks/Pulumi.*.yaml}. Maven runs tests inside {@code stacks/}. */
    public static final List<String> NAMES = List.of("dev", "prod", "global", "data");
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

    /** The topology `./multisite init --sites n` writes (every provider, domain example.com). */
    public static Topology init(int sites) {
        return TopologyParser.parse(ExampleTopology.stackFile(sites, List.of(CloudProvider.values()), "example.com")
                .path("config").path(StackFile.TOPOLOGY_KEY));
    }

    public static Plan plan(String stack) {
        var file = read(stack);
        return OfflinePlanner.plan(file.stackName(), file.topology());
    }
}
