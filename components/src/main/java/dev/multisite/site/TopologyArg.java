package dev.multisite.site;

import dev.multisite.topology.Topology;

import java.util.function.Function;

/**
 * The topology an args record is given, checked: required, and, for a layer built from one of its
 * blocks, with that block (without it there is nothing to build). {@code field} names the args field
 * in the message, e.g. {@code GlobalEndpointArgs.topology}; {@code expected} says what it takes.
 */
public final class TopologyArg {
    private TopologyArg() {
    }

    /** {@code topology}, which must not be null. */
    public static Topology required(String field, Topology topology, String expected) {
        if (topology == null) {
            throw new IllegalArgumentException(field + ": required; " + expected);
        }
        return topology;
    }

    /** {@code topology}, which must not be null and must have its {@code block} ({@code blockOf} not null). */
    public static Topology withBlock(String field, Topology topology, String expected,
                                     String block, Function<Topology, ?> blockOf, String blockExpected) {
        required(field, topology, expected);
        if (blockOf.apply(topology) == null) {
            throw new IllegalArgumentException(field + "." + block + ": required; " + blockExpected);
        }
        return topology;
    }
}
