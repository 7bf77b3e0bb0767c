package dev.multisite.stack;

import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import dev.multisite.parts.PartConfig;
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
            PartChoice choice;
            try {
                choice = PartChoice.of(topology, config.get(PartConfig.PART), config.get(PartConfig.FLEET_STACK));
            } catch (IllegalArgumentException e) {
                throw new RunException(e.getMessage());
            }
            if (choice.wholeFleet()) {
                MultisiteStack.define(ctx, topology, config::requireSecret);
            } else {
                MultisiteStack.definePart(ctx, topology, config::requireSecret, choice.part().name(), choice.fleetStack());
            }
        });
    }
}
