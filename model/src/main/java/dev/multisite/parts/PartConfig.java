package dev.multisite.parts;

/**
 * The stack config that makes a stack one part of a fleet-mode stack: read by the program, set by
 * the orchestrator and the exports, seen by the policy pack. Everything else in a part stack's
 * config is the fleet stack's.
 */
public final class PartConfig {
    /** The key within the program's {@code multisite} config namespace: the part this stack is. */
    public static final String PART = "part";
    /** The key within the {@code multisite} namespace: the fleet's stack name, which every part stack's name starts with. */
    public static final String FLEET_STACK = "fleetStack";
    /** The full key, as a stack file and the engine's config map write it. */
    public static final String PART_KEY = "multisite:" + PART;
    public static final String FLEET_STACK_KEY = "multisite:" + FLEET_STACK;

    private PartConfig() {
    }
}
