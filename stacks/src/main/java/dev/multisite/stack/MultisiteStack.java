package dev.multisite.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.FleetArgs;
import dev.multisite.fleet.parts.FleetPart;
import dev.multisite.fleet.parts.PartStacks;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program: one {@link Fleet} for the topology, its outputs as the stack's. It reads no config
 * itself, so the real program, the offline plan and the component package (which serves the same
 * {@code Fleet} to every Pulumi language) run exactly the same code.
 */
public final class MultisiteStack {
    private MultisiteStack() {
    }


    /**
     * Fleet mode: registers one part of the topology's {@link PartGraph} and exports what the parts
     * after it read. Other parts' values come through stack references to
     * {@code <organization>/<project>/<fleetStack>-<part>}.
     */
    public static Map<String, Output<?>> definePart(Context ctx, Topology topology, SecretConfig secrets, String part, String fleetStack) {
        var stacks = new PartStacks(ctx.organizationName(), ctx.projectName(), fleetStack);
        var outputs = FleetPart.define(topology, PartGraph.of(topology).require(part), secrets::require, stacks, fleetStack);
        outputs.forEach(ctx::export);
        return outputs;
    }

    /** Registers the fleet and exports its outputs; the fleet runs the parser's checks (a topology built in code gets them too). */
    public static Fleet define(Context ctx, Topology topology, SecretConfig secrets) {
        Map<String, Output<String>> given = new LinkedHashMap<>();
        topology.secretConfigKeys().values().forEach(key -> given.computeIfAbsent(key, secrets::require));
        var fleet = new Fleet(Fleet.NAME, FleetArgs.of(topology, given), ComponentResourceOptions.Empty);
        fleet.outputs().forEach(ctx::export);
        return fleet;
    }
}
