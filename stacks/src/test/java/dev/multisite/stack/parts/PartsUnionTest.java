package dev.multisite.stack.parts;

import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.PartPlanner;
import dev.multisite.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet mode plans what the one stack plans: planned part by part, in graph order, each part's
 * stack references answered by its dependencies' planned outputs, the union of the parts'
 * resources (type and name; providers and the stack itself excepted, each part has its own) is the one-stack plan's,
 * and every resource is in exactly one part.
 */
class PartsUnionTest {

    /** Type and name of every resource but the providers and the stack itself: each stack has its own. */
    private static List<String> resources(Plan plan) {
        return plan.resources().stream().filter(r -> !r.isProvider() && !r.type().equals("pulumi:pulumi:Stack"))
                .map(r -> r.type() + " " + r.name()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "data", "init-52"})
    void theUnionOfThePartsIsTheOneStackPlanAndEachResourceIsInOnePart(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        Plan one = OfflinePlanner.plan(stack, topology);
        Map<String, Plan> parts = PartPlanner.planAll(stack, topology);

        assertThat(parts.keySet()).containsExactlyElementsOf(PartGraph.of(topology).names());
        Map<String, String> owner = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        parts.forEach((part, plan) -> resources(plan).forEach(r -> {
            String previous = owner.put(r, part);
            if (previous != null) {
                duplicates.add(r + " in " + previous + " and " + part);
            }
        }));
        assertThat(duplicates).as("resources in more than one part").isEmpty();
        assertThat(owner.keySet()).containsExactlyInAnyOrderElementsOf(resources(one));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void eachSitePartHoldsItsOwnSiteOnly(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        Map<String, Plan> parts = PartPlanner.planAll(stack, topology);
        for (Part part : PartGraph.of(topology).parts()) {
            if (part.site() == null) {
                continue;
            }
            Set<String> others = new HashSet<>();
            topology.sites().stream().filter(s -> !s.name().equals(part.site())).forEach(s -> others.add(s.name()));
            // A site's components are named after it: no other site's component is in its part.
            assertThat(parts.get(part.name()).resources()).filteredOn(r -> !r.custom())
                    .extracting(PlannedResource::name).noneMatch(others::contains).contains(part.site());
        }
    }
}
