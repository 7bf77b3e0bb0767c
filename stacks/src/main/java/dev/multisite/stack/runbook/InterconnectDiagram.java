package dev.multisite.stack.runbook;

import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.Topology;

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
        TopologyDiagram.providerSubgraphs(out, topology, s -> s.name() + (graph.isHub(s.name()) ? " (hub)" : "") + "<br/>AS" + s.asn());
        for (var link : graph.links()) {
            String label = switch (link.kind()) {
                case TRANSIT_GATEWAY_PEERING -> "TGW peering";
                case PEERING -> link.a().provider().key().equals("gcp") ? "VPC peering" : "VNet peering";
                case IPSEC_BGP -> "IPsec+BGP x" + link.tunnels().size();
            };
            String arrow = link.role() == InterconnectGraph.Role.HUB_TO_HUB ? " <==>|" : " <-->|";
            out.append("  ").append(TopologyDiagram.id(link.a().name())).append(arrow).append(label).append("| ")
                    .append(TopologyDiagram.id(link.b().name())).append('\n');
        }
        return out.toString();
    }
}
