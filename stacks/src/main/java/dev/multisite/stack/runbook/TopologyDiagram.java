package dev.multisite.stack.runbook;

import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;

/** A Mermaid flowchart of the stack: sites grouped by provider, global DNS, the mesh, data authority. */
final class TopologyDiagram {
    private TopologyDiagram() {
    }

    static String mermaid(Topology topology, RunbookFacts facts) {
        var out = new StringBuilder("flowchart LR\n");
        out.append("  dns((\"").append(facts.globalHostname()).append("<br/>").append(String.join(" + ", facts.dnsBackends()))
                .append("\"))\n");
        providerSubgraphs(out, topology, s -> s.name() + "<br/>" + s.region() + " · capacity " + s.capacity()
                + facts.dataRoleOf(s.name()).map(r -> "<br/>db: " + r).orElse(""));
        out.append("  mesh{{\"Cilium Cluster Mesh\"}}\n");
        for (SiteSpec s : topology.sites()) {
            out.append("  dns -->|health-checked| ").append(id(s.name())).append('\n');
            out.append("  ").append(id(s.name())).append(" <-.-> mesh\n");
        }
        if (!facts.writeAuthorities().isEmpty()) {
            out.append("  db[(\"PostgreSQL writes\")]\n");
            facts.writeAuthorities().forEach((partition, site) -> out.append("  db ==>|").append(partition).append(" partition authority| ")
                    .append(id(site)).append('\n'));
        }
        return out.toString();
    }

    /** One Mermaid subgraph per provider that has sites, one node per site with the given label. */
    static void providerSubgraphs(StringBuilder out, Topology topology, java.util.function.Function<SiteSpec, String> label) {
        for (CloudProvider provider : CloudProvider.values()) {
            List<SiteSpec> sites = topology.sites().stream().filter(s -> s.provider() == provider).toList();
            if (sites.isEmpty()) {
                continue;
            }
            out.append("  subgraph ").append(provider.key()).append(" [").append(provider.key()).append("]\n");
            for (SiteSpec s : sites) {
                out.append("    ").append(id(s.name())).append("[\"").append(label.apply(s)).append("\"]\n");
            }
            out.append("  end\n");
        }
    }

    static String id(String site) {
        return "s_" + site.replace('-', '_');
    }
}
