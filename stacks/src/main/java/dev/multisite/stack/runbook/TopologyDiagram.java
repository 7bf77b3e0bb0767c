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
        for (CloudProvider provider : CloudProvider.values()) {
            List<SiteSpec> sites = topology.sites().stream().filter(s -> s.provider() == provider).toList();
            if (sites.isEmpty()) {
                continue;
            }
            out.append("  subgraph ").append(provider.key()).append(" [").append(provider.key()).append("]\n");
            for (SiteSpec s : sites) {
                out.append("    ").append(id(s.name())).append("[\"").append(s.name()).append("<br/>").append(s.region())
                        .append(" · capacity ").append(s.capacity()).append(facts.dataRoleOf(s.name()).map(r -> "<br/>db: " + r).orElse(""))
                        .append("\"]\n");
            }
            out.append("  end\n");
        }
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

    static String id(String site) {
        return "s_" + site.replace('-', '_');
    }
}
