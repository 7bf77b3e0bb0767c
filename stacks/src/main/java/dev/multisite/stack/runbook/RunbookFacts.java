package dev.multisite.stack.runbook;

import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runbooks state, gathered from the topology and from the stack's (offline or real) plan:
 * resource names come from the resources the program registers, not from templates.
 */
record RunbookFacts(String stackName, String globalHostname, List<String> dnsBackends, Map<String, String> clusterNames,
                    List<PlannedResource> resources, dev.multisite.topology.DataSettings data,
                    dev.multisite.topology.InterconnectGraph interconnect) {

    static RunbookFacts of(String stackName, Topology topology, Plan plan) {
        Map<String, String> clusters = new LinkedHashMap<>();
        var names = plan.outputs().get("clusterNames");
        topology.sites().forEach(s -> clusters.put(s.name(), names == null ? s.name() : names.path(s.name()).asText(s.name())));
        var traffic = topology.traffic();
        List<String> backends = traffic == null ? List.of("no global DNS declared")
                : dev.multisite.topology.DnsAuthority.of(topology).zones().stream()
                        .map(z -> label(z.backend().kind()) + " (" + z.name() + ")").toList();
        return new RunbookFacts(stackName, traffic == null ? "(no traffic block)" : traffic.hostname(), backends, clusters, plan.resources(), topology.data(),
                dev.multisite.topology.InterconnectGraph.of(topology));
    }

    /** The data-tier role of a site ("write primary", "read replica"), from the planned database instances. */
    Optional<String> dataRoleOf(String site) {
        return resources.stream().filter(r -> r.name().startsWith(site + "-") && r.name().endsWith("-db")
                        && r.inputs().path("tags").path("multisite-site").asText(r.inputs().path("settings").path("userLabels").path("multisite-site").asText()).equals(site))
                .map(r -> r.inputs().path("tags").path("multisite-role").asText(r.inputs().path("settings").path("userLabels").path("multisite-role").asText()))
                .filter(role -> !role.isEmpty()).findFirst();
    }

    /** Partition -> the site authoritative for its writes. */
    Map<String, String> writeAuthorities() {
        if (data == null) {
            return Map.of();
        }
        Map<String, String> authorities = new LinkedHashMap<>();
        if (data.mode() == dev.multisite.topology.DataSettings.Mode.PARTITIONED) {
            data.partitions().forEach(p -> authorities.put(p.name(), p.authority()));
        } else {
            authorities.put("all", data.promote() != null ? data.promote() : data.primary());
        }
        return authorities;
    }

    /** The backend's name as operators know it. */
    static String label(dev.multisite.topology.DnsBackend.Kind kind) {
        return switch (kind) {
            case ROUTE53 -> "Route 53";
            case CLOUDFLARE -> "Cloudflare";
            case CLOUDDNS -> "Cloud DNS";
        };
    }
}
