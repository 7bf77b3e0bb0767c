package dev.multisite.topology;

import java.util.List;
import java.util.Map;

/**
 * The {@code traffic} block: one global hostname, health-checked per site, served by one or more
 * DNS backends, with a declared failover budget.
 *
 * @param hostname       the global hostname, under the stack's {@code domain} (e.g. {@code app.example.com})
 * @param ttlSeconds     TTL of the global records; default 15
 * @param routing        how clients are spread over healthy sites; default {@code latency}
 * @param healthCheck    what "the site can serve" means; defaults in {@link HealthCheckSettings}
 * @param rtoSeconds     the failover budget: worst case from a site failing to clients no longer sent to it; default 60
 * @param dns            the DNS backends, at least one
 * @param latencyRegions for {@code latency} routing: site -> AWS region it is closest to, for sites
 *                       outside AWS whose region Multisite cannot map by itself (existing sites)
 * @param geo            for {@code geo} routing: site -> continent code (AF, AN, AS, EU, NA, OC, SA)
 * @param ingressClass   the ingress class of the per-site health app; default {@code nginx}
 */
public record TrafficSettings(@Required String hostname, Integer ttlSeconds, Routing routing, HealthCheckSettings healthCheck,
                              Integer rtoSeconds, @Required List<DnsBackend> dns, Map<String, String> latencyRegions,
                              Map<String, String> geo, String ingressClass) {
    public static final int DEFAULT_TTL_SECONDS = 15;
    public static final int DEFAULT_RTO_SECONDS = 60;

    public TrafficSettings {
        ttlSeconds = ttlSeconds == null ? DEFAULT_TTL_SECONDS : ttlSeconds;
        routing = routing == null ? Routing.LATENCY : routing;
        healthCheck = healthCheck == null ? new HealthCheckSettings(null, null, null, null, null, null, null) : healthCheck;
        rtoSeconds = rtoSeconds == null ? DEFAULT_RTO_SECONDS : rtoSeconds;
        dns = dns == null ? List.of() : List.copyOf(dns);
        latencyRegions = latencyRegions == null ? Map.of() : Map.copyOf(latencyRegions);
        geo = geo == null ? Map.of() : Map.copyOf(geo);
        ingressClass = ingressClass == null ? "nginx" : ingressClass;
    }

    /** The name a site's own records live under: {@code <site>.<hostname>}. */
    public String siteHostname(String site) {
        return site + "." + hostname;
    }

    public enum Routing {
        LATENCY, GEO, WEIGHTED, FAILOVER;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
