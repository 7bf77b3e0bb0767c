package dev.multisite.stack.runbook;

import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;

/**
 * A Mermaid flowchart of the inter-site link graph: sites grouped by provider (hubs marked), one
 * edge per link labelled with its kind and tunnel count. The prod diagram in docs/network.md is this output.
 */
public final class InterconnectDiagram {
    private InterconnectDiagram() {
    }

    public static String mermaid(Topology topology) {
        var graph = InterconnectGraph.of(topology);
        var out = new StringBuilder("flowchart LR\n");
        TopologyDiagram.providerSubgraphs(out, topology, s -> s.name() + hubMark(graph, s) + "<br/>AS" + s.asn());
        for (var link : graph.links()) {
            String label = switch (link.kind()) {
                case CLOUD_WAN -> "Cloud WAN";
                case PEERING -> link.a().provider().key().equals("gcp") ? "VPC peering" : "VNet peering";
                case IPSEC_BGP -> "IPsec+BGP x" + link.tunnels().size();
            };
            // Thick: hub to hub; dotted: a backup path, used when the primary one is down.
            String arrow = link.preference() == InterconnectGraph.Preference.BACKUP ? " <-.->|"
                    : link.role() == InterconnectGraph.Role.HUB_TO_HUB ? " <==>|" : " <-->|";
            out.append("  ").append(TopologyDiagram.id(link.a().name())).append(arrow).append(label).append("| ")
                    .append(TopologyDiagram.id(link.b().name())).append('\n');
        }
        return out.toString();
    }

    /** {@code (hub 1)} for a provider's preferred hub, {@code (hub 2)} for its second. */
    private static String hubMark(InterconnectGraph graph, SiteSpec site) {
        var hubs = graph.hubs().getOrDefault(site.provider(), List.of());
        int index = hubs.indexOf(site);
        return index < 0 ? "" : " (hub " + (index + 1) + ")";
    }
}
