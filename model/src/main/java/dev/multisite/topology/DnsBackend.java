package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One DNS backend of the global hostname: exactly one of {@code route53} or {@code cloudflare}.
 */
public record DnsBackend(Route53Backend route53, CloudflareBackend cloudflare) {

    /**
     * The backends there are, with what differs between them as facts. Everything else that varies
     * by backend is a switch expression over this, so a new backend does not compile until each of
     * those places decides (CONTRIBUTING.md, "Add a DNS backend").
     */
    public enum Kind {
        ROUTE53(false), CLOUDFLARE(true);

        private final boolean writableFromExistingSites;

        Kind(boolean writableFromExistingSites) {
            this.writableFromExistingSites = writableFromExistingSites;
        }

        /** Whether an existing cluster's ExternalDNS can write it (Route 53 needs an AWS workload identity; Cloudflare takes a scoped token). */
        public boolean writableFromExistingSites() {
            return writableFromExistingSites;
        }

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which backend this is; only for a backend with exactly one block set (the validator checks it first). */
    public Kind kind() {
        if (!isSingle()) {
            throw new IllegalStateException("a DNS backend sets exactly one of route53 or cloudflare");
        }
        return route53 != null ? Kind.ROUTE53 : Kind.CLOUDFLARE;
    }

    /** Whether exactly one backend block is set. */
    public boolean isSingle() {
        return (route53 == null) != (cloudflare == null);
    }

    /** The zone this backend is authoritative for, or null for the stack's domain. */
    public String zone() {
        return switch (kind()) {
            case ROUTE53 -> route53.zone();
            case CLOUDFLARE -> cloudflare.zone();
        };
    }

    /** The name of the secret config key this backend needs, if any. */
    public Optional<String> secretConfigKey() {
        return switch (kind()) {
            case ROUTE53 -> Optional.empty();
            case CLOUDFLARE -> Optional.ofNullable(cloudflare.apiToken());
        };
    }

    /**
     * Route 53: a public hosted zone.
     *
     * @param hostedZoneId e.g. {@code Z0123456789ABCDEFGHIJ}
     * @param zone         the zone's name, the names it is authoritative for; default the stack's domain
     */
    public record Route53Backend(@Required String hostedZoneId, String zone) {
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
    public record CloudflareBackend(@Required String zoneId, @Required String accountId, CloudflarePlan plan, @Required String apiToken, Boolean proxied, String zone,
                                    List<String> nameServers) {
        public CloudflareBackend {
            plan = plan == null ? CloudflarePlan.ENTERPRISE : plan;
            proxied = proxied == null || proxied;
            nameServers = nameServers == null ? List.of() : List.copyOf(nameServers);
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

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
