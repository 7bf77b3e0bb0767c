package dev.multisite.stack;

import dev.multisite.parts.Part;
import dev.multisite.parts.PartConfig;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.Topology;

import java.util.Optional;

/**
 * Which part of the topology a stack is, from its config: none (the whole fleet in one stack, the
 * default) or {@code multisite:part} with {@code multisite:fleetStack}. Decided before anything is
 * registered; a bad choice is one message naming the key, the value and what is allowed.
 *
 * @param part       the part; null for the whole fleet
 * @param fleetStack the fleet's stack name; null for the whole fleet
 */
public record PartChoice(Part part, String fleetStack) {

    public static PartChoice of(Topology topology, Optional<String> part, Optional<String> fleetStack) {
        if (part.isEmpty()) {
            return new PartChoice(null, null);
        }
        if (fleetStack.isEmpty() || fleetStack.get().isBlank()) {
            throw new IllegalArgumentException(PartConfig.PART_KEY + " is set, so " + PartConfig.FLEET_STACK_KEY
                    + " must be too: the fleet's stack name, which every part stack's name starts with");
        }
        try {
            return new PartChoice(PartGraph.of(topology).require(part.get()), fleetStack.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PartConfig.PART_KEY + ": " + e.getMessage(), e);
        }
    }

    public boolean wholeFleet() {
        return part == null;
    }
}
