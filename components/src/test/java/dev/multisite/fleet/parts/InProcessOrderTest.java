package dev.multisite.fleet.parts;

import dev.multisite.fleet.ThreeSites;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.parts.PartKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One stack builds every part once, each after what it reads and after the owner of every layer component it puts resources under. */
class InProcessOrderTest {

    @Test
    void theWanPartsWaitForTheLinksPartThatBuildsTheInterconnect() {
        PartGraph graph = PartGraph.of(dev.multisite.fleet.FleetArgs.fromTopology(ThreeSites.tree(), java.util.Map.of()).topology());
        List<Part> order = FleetPart.inProcessOrder(graph);
        List<String> names = order.stream().map(Part::name).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(graph.names()).contains(PartGraph.WAN, PartGraph.LINKS);
        // In fleet mode the core network starts with the sites; in one program it needs the interconnect first.
        assertThat(graph.names().indexOf(PartGraph.WAN)).isLessThan(graph.names().indexOf(PartGraph.LINKS));
        assertThat(names.indexOf(PartGraph.WAN)).isGreaterThan(names.indexOf(PartGraph.LINKS));
        for (int i = 0; i < order.size(); i++) {
            Part part = order.get(i);
            List<String> before = names.subList(0, i);
            assertThat(before).as("%s after what it reads", part.name()).containsAll(part.dependsOn());
            for (Scope scope : Scope.values()) {
                if (scope.usedBy(part.kind())) {
                    graph.parts().stream().filter(p -> p.kind() == scope.owner())
                            .forEach(owner -> assertThat(before).as("%s after %s", part.name(), owner.name()).contains(owner.name()));
                }
            }
        }
        assertThat(order).filteredOn(p -> p.kind() == PartKind.SITE).hasSize(3);
    }
}
