package dev.multisite.stack.runbook;

import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * What each procedure updates when the stack runs in fleet mode (one Pulumi stack per part,
 * `./multisite parts`): the parts to update, and the command that updates only them in graph order.
 */
final class FleetModeSteps {
    private final String stack;
    private final PartGraph graph;

    FleetModeSteps(String stack, Topology topology) {
        this.stack = stack;
        this.graph = PartGraph.of(topology);
    }

    /** The parts of a site's own resources: its part. */
    List<String> site(SiteSpec site) {
        return List.of(Part.siteName(site.name()));
    }

    /** A data-tier change (a promotion, a moved authority): the instances, then what every site is told. */
    List<String> data() {
        return present(PartGraph.DATA, PartGraph.DATA_ENDPOINTS);
    }

    /**
     * A change of the interconnect's hubs: every site's routes and firewall rules (site parts), the
     * links, and the Cloud WAN attachments.
     */
    List<String> interconnect() {
        List<String> out = new ArrayList<>();
        graph.parts().stream().filter(p -> p.site() != null).forEach(p -> out.add(p.name()));
        out.addAll(present(PartGraph.WAN_ATTACHMENTS, PartGraph.LINKS));
        return out;
    }

    /** The stack a part's outputs are read from: {@code <stack>-<part>}. */
    String stackOf(String part) {
        return Part.stackName(stack, part);
    }

    /** One sentence: in fleet mode, update these parts (in graph order, nothing else). */
    String sentence(List<String> parts) {
        return "In fleet mode, update only " + (parts.size() == 1 ? "part `" + parts.get(0) + "`" : "parts " + String.join(", ",
                parts.stream().map(p -> "`" + p + "`").toList())) + ": `" + command(parts) + "`.";
    }

    String command(List<String> parts) {
        return "./multisite fleet up --stack " + stack + " --only " + String.join(" ", parts);
    }

    private List<String> present(String... names) {
        return java.util.Arrays.stream(names).filter(n -> graph.part(n).isPresent()).toList();
    }
}
