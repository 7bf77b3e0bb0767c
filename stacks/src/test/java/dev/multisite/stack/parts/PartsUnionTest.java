package dev.multisite.stack.parts;

import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.parts.Scope;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet mode plans what the one stack plans: planned part by part, in graph order, each part's
 * stack references answered by its dependencies' planned outputs, the union of the parts is the
 * one-stack plan resource for resource, with the same URN (type, name and parent chain: the URN
 * without its stack), the same parent and the same inputs. Each resource is in exactly one part;
 * only components with no cloud state are in several (each part's root fleet component and its
 * {@link Scope} copies), and the providers and the stack itself, each part has its own.
 */
class PartsUnionTest {

    /** {@code urn:pulumi:<stack>::<project>::<type chain>::<name>} without the stack and project: the same in every stack of the fleet. */
    static String urnInStack(String urn) {
        String inStack = urn.isEmpty() ? "" : urn.split("::", 3)[2];
        // The stack resource's own name is the stack's: each part's root is "the stack".
        return inStack.startsWith("pulumi:pulumi:Stack::") ? "pulumi:pulumi:Stack" : inStack;
    }

    private static boolean compared(PlannedResource r) {
        return !r.isProvider() && !r.type().equals("pulumi:pulumi:Stack");
    }

    /** The URN of a component every part holding its resources registers: the fleet root or a scope's copy. */
    private static Set<String> sharedComponents() {
        Set<String> shared = new HashSet<>();
        shared.add("pulumi:pulumi:Stack$" + Fleet.TYPE + "::" + Fleet.NAME);
        for (Scope scope : Scope.values()) {
            shared.add("pulumi:pulumi:Stack$" + Fleet.TYPE + "$" + scope.type() + "::" + scope.componentName());
        }
        return shared;
    }

    /** What must be equal between the modes: parent (as URN in the stack), custom or component, inputs. */
    private static String facts(PlannedResource r) {
        return "parent=" + urnInStack(r.parent()) + " custom=" + r.custom() + " inputs=" + r.inputs();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "data", "init-52"})
    void theUnionOfThePartsIsTheOneStackPlanWithTheSameUrnsParentsAndInputs(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        Plan one = ExampleStacks.plan(stack);
        Map<String, Plan> parts = ExampleStacks.partPlans(stack);
        assertThat(parts.keySet()).containsExactlyElementsOf(PartGraph.of(topology).names());

        Set<String> shared = sharedComponents();
        Map<String, String> union = new TreeMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        parts.forEach((part, plan) -> plan.resources().stream().filter(PartsUnionTest::compared).forEach(r -> {
            String urn = urnInStack(r.urn());
            String previous = owner.put(urn, part);
            if (previous != null && !(shared.contains(urn) && !r.custom())) {
                duplicates.add(urn + " in " + previous + " and " + part);
            }
            String before = union.put(urn, facts(r));
            if (before != null) {
                assertThat(facts(r)).as("%s: each part's copy is the same", urn).isEqualTo(before);
            }
        }));
        assertThat(duplicates).as("resources in more than one part").isEmpty();

        Map<String, String> expected = new TreeMap<>();
        one.resources().stream().filter(PartsUnionTest::compared).forEach(r -> expected.put(urnInStack(r.urn()), facts(r)));
        assertThat(union.keySet()).as("URNs").containsExactlyElementsOf(expected.keySet());
        List<String> different = new ArrayList<>();
        expected.forEach((urn, facts) -> {
            if (!facts.equals(union.get(urn))) {
                different.add(urn + "\n  one stack: " + facts + "\n  parts:     " + union.get(urn));
            }
        });
        assertThat(different).as("resources whose parent or inputs differ between the modes").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void eachSitePartHoldsItsOwnSiteOnly(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        Map<String, Plan> parts = ExampleStacks.partPlans(stack);
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
