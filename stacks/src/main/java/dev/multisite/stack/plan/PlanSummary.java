package dev.multisite.stack.plan;

import dev.multisite.catalog.ResourceTypes;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.parts.Part;
import dev.multisite.topology.DnsAuthority;
import dev.multisite.topology.FailoverBudget;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.InterconnectSettings;
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

    /** One part of a fleet-mode stack: what it creates by type, what it reads, its outputs. */
    public static String renderPart(Plan plan, Part part) {
        var out = new StringBuilder();
        List<PlannedResource> resources = plan.resources().stream().filter(r -> !r.type().equals("pulumi:pulumi:Stack")).toList();
        out.append("Plan for part '").append(part.name()).append("' (stack ").append(plan.stackName()).append(", offline, mock engine): ")
                .append(resources.size()).append(" resources to create\n");
        out.append("reads the outputs of: ").append(part.dependsOn().isEmpty() ? "nothing" : String.join(", ", part.dependsOn())).append('\n');
        out.append('\n');
        appendCounts(out, resources);
        out.append("\noutputs: ").append(String.join(", ", plan.outputs().keySet())).append('\n');
        return out.toString();
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
            appendInterconnect(out, InterconnectGraph.of(topology), topology.network().interconnect());
        }
        out.append("\noutputs:\n");
        plan.outputs().forEach((name, value) -> out.append("  ").append(name).append(": ").append(value).append('\n'));
        return out.toString();
    }

    /** Links, tunnels and their growth against a full mesh, then what the loss of each site (with its region) cuts. */
    public static void appendInterconnect(StringBuilder out, InterconnectGraph graph, InterconnectSettings settings) {
        out.append("\ninterconnect (two hubs per provider), hubs: ").append(graph.hubs().entrySet().stream()
                .map(e -> e.getValue().stream().map(SiteSpec::name).collect(Collectors.joining(" > ")) + " (" + e.getKey().key() + ")")
                .collect(Collectors.joining(", "))).append('\n');
        Map<InterconnectGraph.Role, Long> byRole = graph.links().stream()
                .collect(Collectors.groupingBy(InterconnectGraph.Link::role, TreeMap::new, Collectors.counting()));
        out.append("  ").append(graph.links().size()).append(" links (").append(byRole.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', '-')).collect(Collectors.joining(", ")))
                .append("), ").append(graph.tunnelCount()).append(" IPsec tunnels; a full mesh of ")
                .append(graph.fullMeshLinkCount()).append(" links would need ").append(graph.fullMeshTunnelCount()).append(" tunnels\n");
        for (var link : graph.links()) {
            out.append(String.format("  %-40s %-10s %-8s %d tunnels%n", link.name(), link.kind().name().toLowerCase().replace('_', '-'),
                    link.preference().name().toLowerCase(), link.tunnels().size()));
        }
        graph.hubsSharingARegion().forEach((provider, pair) -> out.append("  shared fate: both ").append(provider.key()).append(" hubs (")
                .append(pair.get(0).name()).append(", ").append(pair.get(1).name()).append(") are in ").append(pair.get(0).region())
                .append(waiver(graph, settings, pair.get(0).name())).append('\n'));
        var fate = graph.sharedFate();
        out.append("  losing a site (with its region) cuts off:\n");
        for (String site : graph.siteNames()) {
            var cut = fate.getOrDefault(site, List.of());
            out.append("    ").append(site).append(" (").append(graph.site(site).region()).append("): ")
                    .append(cut.isEmpty() ? "nothing" : String.join(", ", cut) + waiver(graph, settings, site)).append('\n');
        }
    }

    private static String waiver(InterconnectGraph graph, InterconnectSettings settings, String site) {
        return graph.regionOf(site).stream().filter(settings::waives).findFirst()
                .map(w -> " [waived: " + settings.waivers().get(w) + "]").orElse("");
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
