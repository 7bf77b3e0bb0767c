package dev.multisite.stack;

import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyParser;

/**
 * The Pulumi program, as {@code pulumi up} / {@code pulumi preview} run it (Pulumi.yaml points at
 * the built jar). The topology is parsed and validated before any resource is registered; an
 * invalid one fails the run with the list of problems and no stack trace.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommonPool.ensureParallelism();
        Pulumi.run(ctx -> {
            var config = ctx.config("multisite");
            Topology topology;
            try {
                topology = TopologyParser.parseJson(config.require(TopologyParser.CONFIG_KEY));
            } catch (TopologyException e) {
                throw new RunException("invalid multisite:topology\n  " + String.join("\n  ", e.problems()));
            }
            var part = config.get(MultisiteStack.PART_KEY);
            if (part.isEmpty()) {
                MultisiteStack.define(ctx, topology, config::requireSecret);
                return;
            }
            var fleetStack = config.get(MultisiteStack.FLEET_STACK_KEY).orElseThrow(() -> new RunException("multisite:" + MultisiteStack.PART_KEY
                    + " is set, so multisite:" + MultisiteStack.FLEET_STACK_KEY + " must be too: the fleet's stack name, which the part stacks' names start with"));
            try {
                PartGraph.of(topology).require(part.get());
            } catch (IllegalArgumentException e) {
                throw new RunException("multisite:" + MultisiteStack.PART_KEY + ": " + e.getMessage());
            }
            MultisiteStack.definePart(ctx, topology, config::requireSecret, part.get(), fleetStack);
        });
    }
}
