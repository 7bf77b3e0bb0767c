package dev.multisite.stack.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisite.fleet.parts.PartStacks;
import dev.multisite.offline.OfflineEngine;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlanMocks;
import dev.multisite.offline.StackOutputs;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartConfig;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.MultisiteStack;
import dev.multisite.topology.Topology;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Offline plans of fleet-mode parts. A part's stack references are answered with the outputs its
 * dependencies' own offline plans exported, so they have exactly the names, types and secrecy a
 * real deployment of those parts would export; dependencies are planned first, in graph order.
 */
public final class PartPlanner {
    /** The organization the SDK reports when none is set (Deployment.getOrganizationName's default), as under the mock engine. */
    static final String ORGANIZATION = "organization";

    private PartPlanner() {
    }

    /** Plans {@code wanted} and every part they depend on; returns the plans by part, in deploy order. */
    public static Map<String, Plan> plan(String fleetStack, Topology topology, Collection<String> wanted) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        run(fleetStack, topology, wanted).forEach((part, run) -> plans.put(part, run.plan()));
        return plans;
    }

    /** As {@link #plan}, with each part's stack outputs as the parts after it read them (secrets included, in memory only). */
    public static Map<String, OfflineEngine.Run> run(String fleetStack, Topology topology, Collection<String> wanted) {
        PartGraph graph = PartGraph.of(topology);
        Set<String> needed = new HashSet<>();
        wanted.forEach(name -> collect(graph, graph.require(name), needed));
        var stacks = new PartStacks(ORGANIZATION, OfflinePlanner.PROJECT, fleetStack);
        Map<String, StackOutputs> exported = new LinkedHashMap<>();
        Map<String, OfflineEngine.Run> runs = new LinkedHashMap<>();
        for (Part part : graph.parts()) {
            if (!needed.contains(part.name())) {
                continue;
            }
            var mocks = new PlanMocks();
            part.dependsOn().forEach(dependency -> mocks.withStack(stacks.stackOf(dependency), exported.get(dependency)));
            var run = OfflineEngine.runCapturing(OfflinePlanner.PROJECT, part.stackName(fleetStack), mocks,
                    ctx -> MultisiteStack.definePart(ctx, topology, OfflinePlanner.offlineSecrets(), part.name(), fleetStack));
            exported.put(part.name(), run.outputs());
            runs.put(part.name(), run);
        }
        return runs;
    }

    /** Plans every part of the topology. */
    public static Map<String, Plan> planAll(String fleetStack, Topology topology) {
        return plan(fleetStack, topology, PartGraph.of(topology).names());
    }

    /**
     * A part stack's config: the fleet stack's, plus {@code multisite:part} and
     * {@code multisite:fleetStack} (what the orchestrator and the exported engines set).
     */
    public static Map<String, JsonNode> partConfig(Map<String, JsonNode> fleetConfig, String fleetStack, String part) {
        Map<String, JsonNode> config = new LinkedHashMap<>(fleetConfig);
        config.put(PartConfig.PART_KEY, TextNode.valueOf(part));
        config.put(PartConfig.FLEET_STACK_KEY, TextNode.valueOf(fleetStack));
        return config;
    }

    private static void collect(PartGraph graph, Part part, Set<String> into) {
        if (into.add(part.name())) {
            part.dependsOn().forEach(d -> collect(graph, graph.require(d), into));
        }
    }
}
