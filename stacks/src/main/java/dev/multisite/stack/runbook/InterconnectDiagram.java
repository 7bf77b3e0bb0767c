package dev.multisite.stack.runbook;

import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;

/**
 * A Mermaid flowchart of the inter-site link graph: sites grouped by provider (hubs marked), one
 * edge per link labelled with its kind and tunnel count. The README's prod diagram is this output.
 */
public final class InterconnectDiagram {
    private InterconnectDiagram() {
    }

    public static String mermaid(Topology topology) {
        var graph = InterconnectGraph.of(topology);
        var out = new StringBuilder("flowchart LR\n");
        for (CloudProvider provider : CloudProvider.values()) {
            List<SiteSpec> sites = topology.sites().stream().filter(s -> s.provider() == provider).toList();
            if (sites.isEmpty()) {
                continue;
            }
            out.append("  subgraph ").append(provider.key()).append(" [").append(provider.key()).append("]\n");
            for (SiteSpec s : sites) {
                out.append("    ").append(TopologyDiagram.id(s.name())).append("[\"").append(s.name())
                        .append(graph.isHub(s.name()) ? " (hub)" : "").append("<br/>AS").append(s.asn()).append("\"]\n");
            }
            out.append("  end\n");
        }
        for (var link : graph.links()) {
            String label = link.kind() == InterconnectGraph.LinkKind.TRANSIT_GATEWAY_PEERING ? "TGW peering"
                    : "IPsec+BGP x" + link.tunnels().size();
            String arrow = link.role() == InterconnectGraph.Role.HUB_TO_HUB ? " <==>|" : " <-->|";
            out.append("  ").append(TopologyDiagram.id(link.a().name())).append(arrow).append(label).append("| ")
                    .append(TopologyDiagram.id(link.b().name())).append('\n');
        }
        return out.toString();
    }
}
