package dev.multisite.parts;

import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.TopologyLimits;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a fleet-mode stack and the order they deploy in: a directed acyclic graph whose
 * edges are stack references. Sites depend only on {@code shared}; everything that joins sites
 * (links, GitOps, data) depends on the site parts it reads, so every site part deploys in parallel.
 * What is slow and needs no site (the Cloud WAN core network, global DNS) starts with the sites.
 *
 * @param parts every part, in a valid deploy order (each after all it depends on)
 */
public record PartGraph(List<Part> parts) {
    public static final String SHARED = "shared";
    public static final String WAN = "wan";
    public static final String WAN_ATTACHMENTS = "wan-attachments";
    public static final String LINKS = "links";
    public static final String TRAFFIC = "traffic";
    public static final String GITOPS = "gitops";
    public static final String DATA = "data";
    public static final String DATA_ENDPOINTS = "data-endpoints";

    public PartGraph {
        parts = List.copyOf(parts);
        checkOrder(parts);
    }

    /** The parts of a parsed topology. */
    public static PartGraph of(Topology topology) {
        List<Part> parts = new ArrayList<>();
        boolean mesh = topology.mesh().enabled();
        parts.add(new Part(SHARED, PartKind.SHARED, null, List.of()));
        InterconnectGraph graph = topology.network().interconnect().enabled() ? InterconnectGraph.of(topology) : null;
        boolean wan = graph != null && graph.links().stream().anyMatch(l -> l.kind() == InterconnectGraph.LinkKind.CLOUD_WAN);
        if (wan) {
            parts.add(new Part(WAN, PartKind.WAN, null, List.of()));
        }
        if (topology.traffic() != null) {
            parts.add(new Part(TRAFFIC, PartKind.TRAFFIC, null, List.of()));
        }
        List<String> sites = new ArrayList<>();
        for (SiteSpec site : topology.sites()) {
            String name = Part.siteName(site.name());
            sites.add(name);
            parts.add(new Part(name, PartKind.SITE, site.name(), mesh ? List.of(SHARED) : List.of()));
        }
        if (wan) {
            List<String> after = new ArrayList<>(List.of(WAN));
            topology.sites().stream().filter(s -> s.provider() == CloudProvider.AWS).map(s -> Part.siteName(s.name())).forEach(after::add);
            parts.add(new Part(WAN_ATTACHMENTS, PartKind.WAN_ATTACHMENTS, null, after));
        }
        if (graph != null && !graph.links().isEmpty()) {
            List<String> after = topology.sites().stream().filter(s -> s.provider() != CloudProvider.EXISTING)
                    .map(s -> Part.siteName(s.name())).toList();
            parts.add(new Part(LINKS, PartKind.LINKS, null, after));
        }
        if (topology.gitops() != null) {
            parts.add(new Part(GITOPS, PartKind.GITOPS, null, sites));
        }
        if (topology.data() != null) {
            // Instances live only on the sites of a primary's provider (replicas are same-provider), so
            // the data tier waits for those sites alone; what every site is told waits for every site.
            Set<CloudProvider> hosting = new HashSet<>();
            primaries(topology.data()).forEach(site -> topology.site(site).ifPresent(s -> hosting.add(s.provider())));
            List<String> hosts = topology.sites().stream().filter(s -> hosting.contains(s.provider())).map(s -> Part.siteName(s.name())).toList();
            parts.add(new Part(DATA, PartKind.DATA, null, hosts));
            List<String> after = new ArrayList<>(List.of(DATA));
            after.addAll(sites);
            parts.add(new Part(DATA_ENDPOINTS, PartKind.DATA_ENDPOINTS, null, after));
        }
        return new PartGraph(parts);
    }

    /** The sites that hold (or held, before a promotion) a write primary. */
    private static List<String> primaries(DataSettings data) {
        List<String> out = new ArrayList<>();
        if (data.mode() == DataSettings.Mode.PARTITIONED) {
            data.partitions().forEach(p -> out.add(p.authority()));
        } else {
            out.add(data.primary());
            if (data.promote() != null) {
                out.add(data.promote());
            }
        }
        return out;
    }

    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The part named {@code name}; an unknown name is refused with the part names allowed. */
    public Part require(String name) {
        return part(name).orElseThrow(() -> new IllegalArgumentException("'" + TopologyLimits.quote(name) + "' is not a part of this stack; parts: "
                + String.join(", ", names())));
    }

    public List<String> names() {
        return parts.stream().map(Part::name).toList();
    }

    /** The parts that read {@code name}'s outputs, directly. */
    public List<Part> dependents(String name) {
        return parts.stream().filter(p -> p.dependsOn().contains(name)).toList();
    }

    /** The parts in the order to destroy them: each before every part it depends on. */
    public List<Part> destroyOrder() {
        List<Part> reversed = new ArrayList<>(parts);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** Every part named once, every dependency known and earlier in the list: so the graph has no cycle. */
    private static void checkOrder(List<Part> parts) {
        Set<String> seen = new HashSet<>();
        for (Part part : parts) {
            for (String dependency : part.dependsOn()) {
                if (!seen.contains(dependency)) {
                    throw new IllegalArgumentException("part " + part.name() + " depends on " + dependency
                            + ", which is not an earlier part: the parts must be listed in a deploy order");
                }
            }
            if (!seen.add(part.name())) {
                throw new IllegalArgumentException("part " + part.name() + " is listed twice");
            }
        }
    }
}
