package dev.multisite.stack.fleet;

import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fleet migrate}'s moves, run on the offline plans as {@code pulumi state move} runs them
 * (state_move.go in pulumi/pulumi: the named resources and all their descendants still in the
 * source move; the stack and providers never do, providers are copied; a resource whose parent
 * stays behind is re-parented to the destination's stack, as its
 * TestMoveRewritesQualifiedTypeWhenReparentingToRoot shows).
 */
class FleetMigrationTest {
    /** The fleet root's URN in a stack: re-parented to the destination's stack, it keeps its URN. */
    private static final String FLEET_ROOT = "pulumi:pulumi:Stack$" + dev.multisite.fleet.Fleet.TYPE + "::" + dev.multisite.fleet.Fleet.NAME;

    /** A resource's state in a stack, as far as a move is concerned. */
    record Held(String urn, String parent) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "data"})
    void everyResourceMovesOnceToThePartThatPlansItAndOnlyTheStackAndProvidersStay(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        PartGraph graph = PartGraph.of(topology);
        Plan one = ExampleStacks.plan(stack);
        Map<String, Plan> parts = ExampleStacks.partPlans(stack);
        List<FleetMigration.Move> moves = FleetMigration.of(stack, graph, one, parts);

        Map<String, Held> source = new LinkedHashMap<>();
        one.resources().forEach(r -> source.put(r.urn(), new Held(r.urn(), r.parent())));
        Map<String, String> movedTo = new HashMap<>();
        List<String> twice = new ArrayList<>();
        List<String> reparented = new ArrayList<>();
        for (FleetMigration.Move move : moves) {
            assertThat(move.destination()).isEqualTo(stack + "-" + move.part());
            assertThat(move.urns()).as("%s: every URN it names is still in the source", move.part()).allMatch(source::containsKey);
            List<String> selected = new ArrayList<>(move.urns());
            for (Held held : source.values()) {
                // Providers are copied, never moved, even when they are children of a moved resource.
                if (!selected.contains(held.urn()) && !held.urn().contains("pulumi:providers:") && isUnder(held, selected, source)) {
                    selected.add(held.urn());
                }
            }
            for (String urn : selected) {
                Held held = source.get(urn);
                assertThat(held.urn()).as("the stack and providers are never moved").doesNotContain("::pulumi:pulumi:Stack::")
                        .doesNotContain("pulumi:providers:");
                if (movedTo.put(urn, move.part()) != null) {
                    twice.add(urn);
                }
                if (!selected.contains(held.parent())) {
                    reparented.add(FleetMigration.urnInStack(urn) + " -> " + move.part());
                }
            }
            selected.forEach(source::remove);
        }
        assertThat(twice).as("moved twice").isEmpty();
        assertThat(source.values()).as("left behind").extracting(Held::urn)
                .allMatch(urn -> urn.contains("pulumi:providers:") || urn.contains("::pulumi:pulumi:Stack::"));

        // Each resource lands in the part whose plan has it, at its URN or (re-parented) at its URN without parent.
        Map<String, String> sharedOwners = FleetMigration.sharedComponents(graph);
        for (PlannedResource r : one.resources()) {
            if (!FleetMigration.moved(r)) {
                continue;
            }
            String key = FleetMigration.urnInStack(r.urn());
            String part = movedTo.get(r.urn());
            assertThat(parts.get(part).resources()).as("%s in %s", key, part)
                    .anyMatch(p -> FleetMigration.urnInStack(p.urn()).equals(key));
            if (sharedOwners.containsKey(key)) {
                assertThat(part).as("%s goes to its owner", key).isEqualTo(sharedOwners.get(key));
            }
        }
        // Re-parented are only the children of the fleet root and of scope copies: the resources
        // that carry a no-parent alias, so each part's first up renames them in place.
        Set<String> aliasedParents = sharedOwners.keySet();
        for (String line : reparented) {
            String key = line.substring(0, line.indexOf(" -> "));
            String part = line.substring(line.indexOf(" -> ") + 4);
            PlannedResource planned = parts.get(part).resources().stream().filter(p -> FleetMigration.urnInStack(p.urn()).equals(key))
                    .findFirst().orElseThrow();
            String parent = FleetMigration.urnInStack(planned.parent());
            assertThat(aliasedParents.contains(parent) || key.equals(FLEET_ROOT))
                    .as("%s is re-parented in %s; its parent there is %s", key, part, parent).isTrue();
        }
        assertThat(reparented).as("the site parts' tops are re-parented").isNotEmpty();
        // The providers pulumi state move trips over (children of moved components): here, every provider but the stack's own.
        assertThat(FleetMigration.providersUnderMovedResources(one)).containsExactlyInAnyOrderElementsOf(one.resources().stream()
                .filter(PlannedResource::isProvider).filter(p -> !p.parent().contains("::pulumi:pulumi:Stack::")).map(PlannedResource::urn).toList());
        assertThat(moves.get(moves.size() - 1).part()).as("the fleet root moves last, with what is left").isEqualTo(PartGraph.SHARED);
    }

    /** Whether {@code held} is a descendant of one of {@code selected} in {@code source}. */
    private static boolean isUnder(Held held, List<String> selected, Map<String, Held> source) {
        for (String up = held.parent(); source.containsKey(up); up = source.get(up).parent()) {
            if (selected.contains(up)) {
                return true;
            }
        }
        return false;
    }
}
