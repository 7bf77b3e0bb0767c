package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartConfig;
import dev.multisite.parts.PartGraph;
import dev.multisite.parts.StackName;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyLimits;

import java.util.Map;
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
        Part chosen;
        try {
            chosen = PartGraph.of(topology).require(part.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PartConfig.PART_KEY + ": " + e.getMessage(), e);
        }
        // The fleet stack's name goes into stack references (<fleet>-<part>): a path or a URL there would read another stack.
        String problem = StackName.problem(PartConfig.FLEET_STACK_KEY, fleetStack.get());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!StackName.valid(chosen.stackName(fleetStack.get()))) {
            throw new IllegalArgumentException(PartConfig.FLEET_STACK_KEY + ": '" + TopologyLimits.quote(fleetStack.get()) + "' makes part stack names longer than "
                    + StackName.MAX_LENGTH + " characters (" + chosen.stackName(fleetStack.get()).length() + "); choose a shorter fleet stack name");
        }
        return new PartChoice(chosen, fleetStack.get());
    }

    /**
     * The choice a stack file's config makes, as the program would read it: both keys, when set, must
     * be strings (a number or a list is refused, never read as "no part").
     */
    public static PartChoice of(Topology topology, Map<String, JsonNode> config) {
        return of(topology, text(config, PartConfig.PART_KEY, "a string naming a part of the fleet (`./multisite parts` lists them)"),
                text(config, PartConfig.FLEET_STACK_KEY, "a string, the fleet's stack name"));
    }

    /**
     * Refuses a part's stack file where a fleet stack is needed (the fleet commands, the exports):
     * run on a part, they would build part stacks of a part ({@code dev-shared-shared}).
     */
    public static void requireFleetStack(java.nio.file.Path file, Map<String, JsonNode> config) {
        for (String key : java.util.List.of(PartConfig.PART_KEY, PartConfig.FLEET_STACK_KEY)) {
            if (config.containsKey(key)) {
                JsonNode value = config.get(key);
                throw new IllegalArgumentException(file.getFileName() + ": sets " + key + (value.isTextual() ? " '" + TopologyLimits.quote(value.asText()) + "'" : "")
                        + ", so it is a part's stack file, not a fleet stack; give the fleet stack's file (the one without the part keys)");
            }
        }
    }

    private static Optional<String> text(Map<String, JsonNode> config, String key, String expected) {
        JsonNode value = config.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(key + ": expected " + expected + ", got " + kind(value));
        }
        return Optional.of(value.asText());
    }

    private static String kind(JsonNode value) {
        String text = TopologyLimits.quote(value.toString());
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "a list " + text;
            case OBJECT -> value.has("secure") ? "a secret (the part keys are plain config)" : "a mapping " + text;
            case BOOLEAN -> "a boolean " + text;
            case NUMBER -> "a number " + text;
            default -> text;
        };
    }

    public boolean wholeFleet() {
        return part == null;
    }
}
