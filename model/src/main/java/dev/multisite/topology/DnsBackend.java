package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One DNS backend of the stack, a closed set: {@link Route53Backend}, {@link CloudflareBackend} or
 * {@link CloudDnsBackend}. In a stack file each is a one-key mapping ({@code - route53: {...}}).
 *
 * <p>Two closed seams decide what varies by backend (CONTRIBUTING.md, "Add a DNS backend"): a
 * switch expression over {@link Kind} where only the kind matters, and {@link #match} where the
 * backend's own settings are needed (one method per backend in {@link Cases}, so no caller downcasts
 * and a new backend does not compile until every caller handles it; Java 17 has no pattern switch).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = DnsBackend.Route53Backend.class, name = "route53"),
        @JsonSubTypes.Type(value = DnsBackend.CloudflareBackend.class, name = "cloudflare"),
        @JsonSubTypes.Type(value = DnsBackend.CloudDnsBackend.class, name = "clouddns")})
public sealed interface DnsBackend {

    /**
     * The backends there are, with what differs between them as facts (switch expressions, so a
     * new backend does not compile until each is decided); its key is the stack file's key of the
     * backend's block.
     */
    enum Kind {
        ROUTE53, CLOUDFLARE, CLOUDDNS;

        /**
         * Whether an existing cluster's ExternalDNS can write it: Route 53 needs an AWS workload
         * identity and Cloud DNS a Google one (GKE, or Workload Identity Federation trusting a cloud cluster's OIDC issuer,
         * which existing clusters do not have here); Cloudflare takes a scoped token.
         */
        public boolean writableFromExistingSites() {
            return switch (this) {
                case CLOUDFLARE -> true;
                case ROUTE53, CLOUDDNS -> false;
            };
        }

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which backend this is. */
    Kind kind();

    /** The zone this backend is authoritative for, or null for the stack's domain. */
    String zone();

    /**
     * What a caller does with each backend: one method per backend, so a new backend does not compile
     * until every implementation decides (an anonymous class, not lambdas: javac 17 stops at the first
     * mismatched call of a generic method with lambda arguments, and the checklist needs every place).
     */
    interface Cases<T> {
        T route53(Route53Backend backend);

        T cloudflare(CloudflareBackend backend);

        T clouddns(CloudDnsBackend backend);
    }

    /** Runs the case for this backend. */
    <T> T match(Cases<T> cases);

    /** This backend as the given kind's record, if it is one (a typed filter, not a decision). */
    default <B extends DnsBackend> Optional<B> as(Class<B> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** The name of the secret config key this backend needs, if any. */
    Optional<String> secretConfigKey();

    /**
     * Route 53: a public hosted zone.
     *
     * @param hostedZoneId e.g. {@code Z0123456789ABCDEFGHIJ}
     * @param zone         the zone's name, the names it is authoritative for; default the stack's domain
     */
    record Route53Backend(@Required String hostedZoneId, String zone) implements DnsBackend {
        public Route53Backend(String hostedZoneId) {
            this(hostedZoneId, null);
        }

        @Override
        public Kind kind() {
            return Kind.ROUTE53;
        }

        /** None: Route 53 is reached with the deployer's AWS credentials and the sites' workload identities. */
        @Override
        public Optional<String> secretConfigKey() {
            return Optional.empty();
        }

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.route53(this);
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
     *                  zone of the stack in another backend, which then gets the NS records delegating to them
     */
    record CloudflareBackend(@Required String zoneId, @Required String accountId, CloudflarePlan plan, @Required String apiToken, Boolean proxied, String zone,
                             List<String> nameServers) implements DnsBackend {
        public CloudflareBackend {
            plan = plan == null ? CloudflarePlan.ENTERPRISE : plan;
            proxied = proxied == null || proxied;
            nameServers = nameServers == null ? List.of() : List.copyOf(nameServers);
        }

        public CloudflareBackend(String zoneId, String accountId, CloudflarePlan plan, String apiToken, Boolean proxied) {
            this(zoneId, accountId, plan, apiToken, proxied, null, null);
        }

        @Override
        public Kind kind() {
            return Kind.CLOUDFLARE;
        }

        /** The scoped API token's config key. */
        @Override
        public Optional<String> secretConfigKey() {
            return Optional.ofNullable(apiToken);
        }

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.cloudflare(this);
        }
    }

    /**
     * Google Cloud DNS: a public managed zone with routing policies (Cloud DNS "DNS routing
     * policies and health checks", cloud.google.com/dns/docs/routing-policies-overview).
     *
     * @param managedZone the managed zone's resource name (1-63 of a-z, 0-9 and '-', starting with a letter), e.g. {@code example-org}
     * @param project     the project holding the zone (6-30 of a-z, 0-9 and '-', starting with a letter)
     * @param zone        the zone's DNS name, the names it is authoritative for; default the stack's domain
     * @param endpoints   site -> the public IPv4 address of its ingress: Cloud DNS health-checks external
     *                    endpoints by IP address (routing policy {@code healthCheckedTargets.externalEndpoints}),
     *                    so the global name is A records of these addresses
     * @param sourceRegions the three Google Cloud regions the health checks probe from (a Compute Engine
     *                    health check with source regions takes exactly 3); default us-east4, europe-west1, asia-southeast1
     * @param locations   site -> the Google Cloud region whose users it serves, for geo and failover routing
     *                    (Cloud DNS geolocation items are Google Cloud regions); default a GKE site's own region
     */
    record CloudDnsBackend(@Required String managedZone, @Required String project, String zone, Map<String, String> endpoints, List<String> sourceRegions,
                           Map<String, String> locations) implements DnsBackend {
        public static final List<String> DEFAULT_SOURCE_REGIONS = List.of("us-east4", "europe-west1", "asia-southeast1");

        public CloudDnsBackend {
            endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
            sourceRegions = sourceRegions == null ? DEFAULT_SOURCE_REGIONS : List.copyOf(sourceRegions);
            locations = locations == null ? Map.of() : Map.copyOf(locations);
        }

        /** The Google Cloud region a site's geolocation item names: its declared location, else a GKE site's region. */
        public Optional<String> location(SiteSpec site) {
            if (locations.containsKey(site.name())) {
                return Optional.of(locations.get(site.name()));
            }
            return site.provider() == CloudProvider.GCP ? Optional.of(site.region()) : Optional.empty();
        }

        @Override
        public Kind kind() {
            return Kind.CLOUDDNS;
        }

        /** None: Cloud DNS is reached with the deployer's Google credentials and the sites' workload identities. */
        @Override
        public Optional<String> secretConfigKey() {
            return Optional.empty();
        }

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.clouddns(this);
        }
    }

    /** Cloudflare plans and the shortest health monitor interval each allows. */
    enum CloudflarePlan {
        PRO, BUSINESS, ENTERPRISE;

        public int minimumIntervalSeconds() {
            return switch (this) {
                case PRO -> 60;
                case BUSINESS -> 15;
                case ENTERPRISE -> 10;
            };
        }

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
