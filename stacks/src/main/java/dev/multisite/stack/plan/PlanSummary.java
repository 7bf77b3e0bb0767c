package dev.multisite.stack.plan;

import dev.multisite.catalog.ResourceTypes;
import dev.multisite.topology.DnsAuthority;
import dev.multisite.topology.FailoverBudget;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The human-readable plan: per site the resources it would create by type, the resources shared
 * by all sites, totals, and the stack outputs (secrets as {@code [secret]}).
 */
public final class PlanSummary {

    private PlanSummary() {
    }

    public static String render(Plan plan, Topology topology) {
        var out = new StringBuilder();
        var bySite = groupBySite(plan);
        out.append("Plan for stack '").append(plan.stackName()).append("' (offline, mock engine): ")
                .append(plan.resources().size()).append(" resources to create across ")
                .append(topology.sites().size()).append(" sites\n");
        for (SiteSpec site : topology.sites()) {
            var resources = bySite.getOrDefault(site.name(), List.of());
            out.append("\nsite ").append(site.name()).append(" (").append(site.provider().key()).append(", ")
                    .append(site.region()).append(", capacity ").append(site.capacity()).append("): ")
                    .append(resources.size()).append(" resources\n");
            appendCounts(out, resources);
        }
        var shared = bySite.getOrDefault("", List.of());
        if (!shared.isEmpty()) {
            out.append("\nshared: ").append(shared.size()).append(" resources\n");
            appendCounts(out, shared);
        }
        out.append("\ntotals: ").append(plan.resources().size()).append(" resources, ")
                .append(plan.resources().stream().filter(PlannedResource::custom).count()).append(" custom, ")
                .append(plan.resources().stream().filter(PlannedResource::isProvider).count()).append(" providers\n");
        if (topology.traffic() != null) {
            var authority = DnsAuthority.of(topology);
            out.append("\nDNS authority (every published name lives in exactly one backend):\n");
            authority.summary().forEach(line -> out.append("  ").append(line).append('\n'));
            out.append("\nfailover budget for ").append(topology.traffic().hostname()).append(" (worst case, rtoSeconds ")
                    .append(topology.traffic().rtoSeconds()).append("):\n");
            out.append("  ").append(FailoverBudget.of(authority.global().backend(), topology.traffic()).arithmetic()).append('\n');
        }
        if (topology.network().interconnect().enabled()) {
            appendInterconnect(out, InterconnectGraph.of(topology));
        }
        out.append("\noutputs:\n");
        plan.outputs().forEach((name, value) -> out.append("  ").append(name).append(": ").append(value).append('\n'));
        return out.toString();
    }

    /** Links, tunnels and their growth against a full mesh, then the shared fate of each hub. */
    static void appendInterconnect(StringBuilder out, InterconnectGraph graph) {
        out.append("\ninterconnect (hub-and-spoke), hubs: ").append(graph.hubs().entrySet().stream()
                .map(e -> e.getValue().name() + " (" + e.getKey().key() + ")").collect(Collectors.joining(", "))).append('\n');
        Map<InterconnectGraph.Role, Long> byRole = graph.links().stream()
                .collect(Collectors.groupingBy(InterconnectGraph.Link::role, TreeMap::new, Collectors.counting()));
        out.append("  ").append(graph.links().size()).append(" links (").append(byRole.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', '-')).collect(Collectors.joining(", ")))
                .append("), ").append(graph.tunnelCount()).append(" IPsec tunnels; a full mesh of ")
                .append(graph.fullMeshLinkCount()).append(" links would need ").append(graph.fullMeshTunnelCount()).append(" tunnels\n");
        for (var link : graph.links()) {
            out.append(String.format("  %-40s %-24s %d tunnels%n", link.name(), link.kind().name().toLowerCase().replace('_', '-'), link.tunnels().size()));
        }
        for (var hub : graph.hubs().values()) {
            var cut = graph.cutOffWithout(hub.name());
            if (!cut.isEmpty()) {
                out.append("  shared fate: losing ").append(hub.name()).append(" (hub) also cuts ").append(String.join(", ", cut))
                        .append(" off from other sites\n");
            }
        }
    }

    private static void appendCounts(StringBuilder out, List<PlannedResource> resources) {
        Map<String, Long> counts = new TreeMap<>(resources.stream()
                .collect(Collectors.groupingBy(PlannedResource::type, Collectors.counting())));
        counts.forEach((type, count) -> out.append(String.format("  %4d  %s%n", count, type)));
    }

    /** Resources by the site they belong to (nearest site component ancestor); {@code ""} for shared ones. */
    static Map<String, List<PlannedResource>> groupBySite(Plan plan) {
        Map<String, PlannedResource> byUrn = new LinkedHashMap<>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        return plan.resources().stream()
                .filter(r -> !r.type().equals("pulumi:pulumi:Stack"))
                .collect(Collectors.groupingBy(r -> siteOf(r, byUrn).orElse(""), LinkedHashMap::new, Collectors.toList()));
    }

    static Optional<String> siteOf(PlannedResource resource, Map<String, PlannedResource> byUrn) {
        return ResourceTypes.siteOf(resource, PlannedResource::type, PlannedResource::name, r -> byUrn.get(r.parent()));
    }
}
