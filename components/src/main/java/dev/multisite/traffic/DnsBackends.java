package dev.multisite.traffic;

import dev.multisite.topology.DnsAuthority;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TrafficSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which backend each of a site's ExternalDNS instances writes to: the one authoritative for the names. */
public final class DnsBackends {
    private DnsBackends() {
    }

    /**
     * One ExternalDNS instance of a site: the backend, the domain filters of the names it holds,
     * and the release name and namespace (the first instance keeps {@code external-dns}).
     */
    public record Instance(DnsBackend backend, List<String> domainFilters, String releaseName, String namespace, String suffix) {
    }

    /**
     * The instances a site runs, in {@code traffic.dns} order: one per backend that holds any of
     * its names. The parser has already checked that every name has an authority the site can
     * write to (existing sites: Cloudflare only).
     */
    public static List<Instance> forSite(String site, Topology topology) {
        List<Instance> out = new ArrayList<>();
        DnsAuthority.of(topology).externalDns(site).forEach((zone, filters) -> {
            boolean first = out.isEmpty();
            out.add(new Instance(zone.backend(), filters, first ? ExternalDns.SERVICE_ACCOUNT : ExternalDns.SERVICE_ACCOUNT + "-" + zone.kind(),
                    first ? ExternalDns.NAMESPACE : ExternalDns.NAMESPACE + "-" + zone.kind(), first ? "" : "-" + zone.kind()));
        });
        return out;
    }

    public static Optional<DnsBackend.CloudflareBackend> cloudflare(TrafficSettings traffic) {
        return traffic.dns().stream().flatMap(d -> d.as(DnsBackend.CloudflareBackend.class).stream()).findFirst();
    }
}
