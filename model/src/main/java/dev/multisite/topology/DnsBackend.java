package dev.multisite.topology;

/**
 * One DNS backend of the global hostname: exactly one of {@code route53} or {@code cloudflare}.
 */
public record DnsBackend(Route53Backend route53, CloudflareBackend cloudflare) {

    public String kind() {
        return route53 != null ? "route53" : "cloudflare";
    }

    /** The zone this backend is authoritative for, or null for the stack's domain. */
    public String zone() {
        return route53 != null ? route53.zone() : cloudflare != null ? cloudflare.zone() : null;
    }

    /**
     * Route 53: a public hosted zone.
     *
     * @param hostedZoneId e.g. {@code Z0123456789ABCDEFGHIJ}
     * @param zone         the zone's name, the names it is authoritative for; default the stack's domain
     */
    public record Route53Backend(String hostedZoneId, String zone) {
        public Route53Backend(String hostedZoneId) {
            this(hostedZoneId, null);
        }
    }

    /**
     * Cloudflare load balancing.
     *
     * @param zoneId    the zone id (32 hex characters)
     * @param accountId the account id that owns monitors and pools (32 hex characters)
     * @param plan      the load balancing plan, which sets the minimum monitor interval; default {@code enterprise}
     * @param apiToken  name of the secret config key holding a scoped API token (Zone DNS edit + Load Balancing edit)
     * @param proxied   serve through Cloudflare's proxy (failover at the edge, no TTL wait); default true
     * @param zone      the zone's name, the names it is authoritative for; default the stack's domain
     * @param nameServers the name servers Cloudflare assigned to the zone (dashboard, or the zone's
     *                  {@code name_servers} in the API); required when the zone is a subzone of a
     *                  Route 53 zone of the stack, which then gets the NS records delegating to them
     */
    public record CloudflareBackend(String zoneId, String accountId, CloudflarePlan plan, String apiToken, Boolean proxied, String zone,
                                    java.util.List<String> nameServers) {
        public CloudflareBackend {
            plan = plan == null ? CloudflarePlan.ENTERPRISE : plan;
            proxied = proxied == null || proxied;
            nameServers = nameServers == null ? java.util.List.of() : java.util.List.copyOf(nameServers);
        }

        public CloudflareBackend(String zoneId, String accountId, CloudflarePlan plan, String apiToken, Boolean proxied) {
            this(zoneId, accountId, plan, apiToken, proxied, null, null);
        }
    }

    /** Cloudflare plans and the shortest health monitor interval each allows. */
    public enum CloudflarePlan {
        PRO(60), BUSINESS(15), ENTERPRISE(10);

        private final int minimumIntervalSeconds;

        CloudflarePlan(int minimumIntervalSeconds) {
            this.minimumIntervalSeconds = minimumIntervalSeconds;
        }

        public int minimumIntervalSeconds() {
            return minimumIntervalSeconds;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
