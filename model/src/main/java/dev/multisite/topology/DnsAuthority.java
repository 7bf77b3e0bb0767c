package dev.multisite.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which DNS backend is authoritative for every name the stack publishes: the global hostname
 * ({@code traffic.hostname}), each site's own name ({@code <site>.<hostname>}) and, with the mesh
 * on, each site's clustermesh-apiserver name ({@code <site>.mesh.<domain>}).
 *
 * <p>Each backend serves one zone ({@code traffic.dns[].<backend>.zone}, default the stack's
 * domain); a name lives in the backend whose zone is its longest suffix, and only there: the
 * global hostname is published by that backend alone, and every ExternalDNS writes a name to the
 * backend that holds it. With two backends one zone is the domain and the other a subzone that
 * the stack delegates (NS records in the parent zone). Resolvers follow only the delegation, so a
 * record in a backend that is not authoritative for its name is never seen: that is the split
 * this model rules out (RFC 1034 section 4.2: a zone's authority ends at its delegations).
 */
public final class DnsAuthority {

    /** One backend and the zone it is authoritative for. */
    public record Zone(int index, DnsBackend backend, String name) {
        public String kind() {
            return backend.kind().key();
        }

        /** The config path of the zone, for messages: {@code traffic.dns[1].cloudflare.zone}. */
        public String path() {
            return "traffic.dns[" + index + "]." + kind() + ".zone";
        }
    }

    /** A subzone the stack delegates: NS records for {@code child.name} in {@code parent}'s zone. */
    public record Delegation(Zone parent, Zone child) {
    }

    /** One name the stack publishes, who writes it, and the zone that holds it. */
    public record Name(String fqdn, String site, String purpose, Zone zone) {
    }

    private final String domain;
    private final List<Zone> zones;
    private final List<Name> names = new ArrayList<>();

    private DnsAuthority(Topology topology) {
        this.domain = topology.domain();
        TrafficSettings traffic = topology.traffic();
        List<Zone> list = new ArrayList<>();
        for (int i = 0; i < traffic.dns().size(); i++) {
            DnsBackend b = traffic.dns().get(i);
            list.add(new Zone(i, b, b.zone() != null ? b.zone() : topology.domain()));
        }
        this.zones = List.copyOf(list);
        String hostname = traffic.hostname();
        names.add(new Name(hostname, null, "global hostname", authorityOf(hostname).orElse(null)));
        for (SiteSpec site : topology.sites()) {
            String own = traffic.siteHostname(site.name());
            names.add(new Name(own, site.name(), "site name", authorityOf(own).orElse(null)));
            if (topology.mesh().enabled()) {
                String mesh = MeshOptions.apiserverAddress(site.name(), topology.domain());
                names.add(new Name(mesh, site.name(), "mesh apiserver", authorityOf(mesh).orElse(null)));
            }
        }
    }

    /** The authority of a topology with a {@code traffic} block. */
    public static DnsAuthority of(Topology topology) {
        return new DnsAuthority(topology);
    }

    public List<Zone> zones() {
        return zones;
    }

    /** Every name the stack publishes, the global hostname first. */
    public List<Name> names() {
        return List.copyOf(names);
    }

    /** The zone holding a name: the longest zone that is the name or a parent of it. */
    public Optional<Zone> authorityOf(String fqdn) {
        Zone best = null;
        for (Zone z : zones) {
            if (z.name() != null && (fqdn.equals(z.name()) || fqdn.endsWith("." + z.name()))
                    && (best == null || z.name().length() > best.name().length())) {
                best = z;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The backend that publishes the global hostname. */
    public Zone global() {
        return names.get(0).zone();
    }

    /** Whether this backend publishes the global hostname (health checks, routing records or a load balancer). */
    public boolean servesGlobal(DnsBackend backend) {
        return global() != null && global().backend() == backend;
    }

    /**
     * What one site's ExternalDNS instances write: per zone (in {@code traffic.dns} order) the
     * domain filters of the site's names it holds ({@code <hostname>}, {@code mesh.<domain>}).
     */
    public Map<Zone, List<String>> externalDns(String site) {
        Map<Zone, List<String>> out = new LinkedHashMap<>();
        for (Zone z : zones) {
            for (Name n : names) {
                if (site.equals(n.site()) && n.zone() == z) {
                    String filter = n.fqdn().substring(n.fqdn().indexOf('.') + 1);
                    out.computeIfAbsent(z, k -> new ArrayList<>()).add(filter);
                }
            }
        }
        return out;
    }

    /** The subzone the stack delegates, when two backends serve nested zones. */
    public Optional<Delegation> delegation() {
        if (zones.size() != 2 || zones.get(0).name() == null || zones.get(1).name() == null) {
            return Optional.empty();
        }
        Zone a = zones.get(0);
        Zone b = zones.get(1);
        if (b.name().endsWith("." + a.name())) {
            return Optional.of(new Delegation(a, b));
        }
        if (a.name().endsWith("." + b.name())) {
            return Optional.of(new Delegation(b, a));
        }
        return Optional.empty();
    }

    /** One line per zone: {@code example.org -> cloudflare (traffic.dns[1]): 7 names}. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        var delegation = delegation();
        for (Zone z : zones) {
            long count = names.stream().filter(n -> n.zone() == z).count();
            String how = delegation.filter(d -> d.child() == z)
                    .map(d -> ", delegated from " + d.parent().kind() + " by NS records the stack creates").orElse("");
            lines.add(z.name() + " -> " + z.kind() + how + ": " + count + " name(s)" + (servesGlobal(z.backend()) ? ", the global hostname" : ""));
        }
        return lines;
    }

    public String domain() {
        return domain;
    }
}
