package dev.multisite.stack;

import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.topology.Topology;

/** An example stack as the plan tests read it: its topology and its offline plan, and a resource of the plan by name. */
record PlannedExample(Topology topology, Plan plan) {
    static PlannedExample of(String stack) {
        return new PlannedExample(ExampleStacks.topology(stack), ExampleStacks.plan(stack));
    }

    /** The planned resource of this name, of any type. */
    PlannedResource named(String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    /** The planned resource of this type and name (names repeat across types: a release and its namespace). */
    PlannedResource named(String type, String name) {
        return named(plan, type, name);
    }

    /** The resource of this type and name in another plan (a variant of the example, or one of its parts). */
    static PlannedResource named(Plan in, String type, String name) {
        return in.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }
}
