package dev.multisite.traffic;

import dev.multisite.site.Site;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.TrafficSettings;

import java.util.Optional;

/** Which backend a site's ExternalDNS writes its own record to. */
public final class DnsBackends {
    private DnsBackends() {
    }

    /**
     * Route 53 when declared and the site has a workload identity AWS can federate (EKS, GKE, AKS);
     * otherwise Cloudflare with its scoped token. The parser has already rejected topologies where
     * neither applies.
     */
    public static DnsBackend forExternalDns(Site site, TrafficSettings traffic) {
        Optional<DnsBackend> route53 = traffic.dns().stream().filter(d -> d.route53() != null).findFirst();
        if (route53.isPresent() && site.workloadIdentity().isPresent()) {
            return route53.get();
        }
        return traffic.dns().stream().filter(d -> d.cloudflare() != null).findFirst().orElseThrow(() -> new IllegalStateException(
                "site " + site.name() + " has no DNS backend its ExternalDNS can authenticate to"));
    }

    public static Optional<DnsBackend.CloudflareBackend> cloudflare(TrafficSettings traffic) {
        return traffic.dns().stream().map(DnsBackend::cloudflare).filter(java.util.Objects::nonNull).findFirst();
    }
}
