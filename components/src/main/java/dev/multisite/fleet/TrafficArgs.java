package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * The {@code traffic} block: one global hostname, health-checked per site, served by one or more
 * DNS backends.
 * Getters return null for an absent key.
 */
public final class TrafficArgs extends ResourceArgs {

    /** The global hostname, under the stack's {@code domain} (e.g. {@code app.example.com}). */
    @Import(name = "hostname", required = true)
    private String hostname;

    /** TTL of the global records; default 15. */
    @Import(name = "ttlSeconds", required = false)
    private Integer ttlSeconds;

    /** {@code latency} (default), {@code geo}, {@code weighted} or {@code failover}. */
    @Import(name = "routing", required = false)
    private String routing;

    /** What "the site can serve" means; absent means every default. */
    @Import(name = "healthCheck", required = false)
    private HealthCheckArgs healthCheck;

    /** The failover budget, from a site failing to clients no longer sent to it; default 60. */
    @Import(name = "rtoSeconds", required = false)
    private Integer rtoSeconds;

    /** The DNS backends, at least one. */
    @Import(name = "dns", required = true)
    private List<DnsBackendArgs> dns;

    /**
     * Latency routing: site to the AWS region it is closest to, for sites whose region Multisite
     * cannot map by itself (existing sites).
     */
    @Import(name = "latencyRegions", required = false)
    private Map<String, String> latencyRegions;

    /** Geo routing: site to continent code (AF, AN, AS, EU, NA, OC, SA). */
    @Import(name = "geo", required = false)
    private Map<String, String> geo;

    /** Ingress class of the per-site health app; default {@code nginx}. */
    @Import(name = "ingressClass", required = false)
    private String ingressClass;

    public TrafficArgs() {
    }

    public String hostname() {
        return hostname;
    }

    public Integer ttlSeconds() {
        return ttlSeconds;
    }

    public String routing() {
        return routing;
    }

    public HealthCheckArgs healthCheck() {
        return healthCheck;
    }

    public Integer rtoSeconds() {
        return rtoSeconds;
    }

    public List<DnsBackendArgs> dns() {
        return dns;
    }

    public Map<String, String> latencyRegions() {
        return latencyRegions;
    }

    public Map<String, String> geo() {
        return geo;
    }

    public String ingressClass() {
        return ingressClass;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final TrafficArgs args = new TrafficArgs();

        public Builder hostname(String hostname) {
            args.hostname = hostname;
            return this;
        }

        public Builder ttlSeconds(Integer ttlSeconds) {
            args.ttlSeconds = ttlSeconds;
            return this;
        }

        public Builder routing(String routing) {
            args.routing = routing;
            return this;
        }

        public Builder healthCheck(HealthCheckArgs healthCheck) {
            args.healthCheck = healthCheck;
            return this;
        }

        public Builder rtoSeconds(Integer rtoSeconds) {
            args.rtoSeconds = rtoSeconds;
            return this;
        }

        public Builder dns(List<DnsBackendArgs> dns) {
            args.dns = dns;
            return this;
        }

        public Builder latencyRegions(Map<String, String> latencyRegions) {
            args.latencyRegions = latencyRegions;
            return this;
        }

        public Builder geo(Map<String, String> geo) {
            args.geo = geo;
            return this;
        }

        public Builder ingressClass(String ingressClass) {
            args.ingressClass = ingressClass;
            return this;
        }

        public TrafficArgs build() {
            return args;
        }
    }
}
