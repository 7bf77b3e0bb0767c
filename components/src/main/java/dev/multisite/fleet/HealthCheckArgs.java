package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code traffic.healthCheck}: the one health definition every DNS backend is built from.
 * Getters return null for an absent key.
 */
public final class HealthCheckArgs extends ResourceArgs {

    /** Request path; default {@code /healthz}. */
    @Import(name = "path", required = false)
    private String path;

    /** Default 443. */
    @Import(name = "port", required = false)
    private Integer port;

    /** {@code https} (default) or {@code http}. */
    @Import(name = "protocol", required = false)
    private String protocol;

    /** Seconds between checks from each checker; default 10 (Route 53 allows 10 or 30). */
    @Import(name = "intervalSeconds", required = false)
    private Integer intervalSeconds;

    /** Consecutive failures before a site is unhealthy; default 2 (1..10). */
    @Import(name = "failureThreshold", required = false)
    private Integer failureThreshold;

    /** Route 53 checker regions, at least 3; default us-east-1, eu-west-1, ap-southeast-1. */
    @Import(name = "regions", required = false)
    private List<String> regions;

    /** A string the response body must contain; optional. */
    @Import(name = "expectedBody", required = false)
    private String expectedBody;

    public HealthCheckArgs() {
    }

    public String path() {
        return path;
    }

    public Integer port() {
        return port;
    }

    public String protocol() {
        return protocol;
    }

    public Integer intervalSeconds() {
        return intervalSeconds;
    }

    public Integer failureThreshold() {
        return failureThreshold;
    }

    public List<String> regions() {
        return regions;
    }

    public String expectedBody() {
        return expectedBody;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final HealthCheckArgs args = new HealthCheckArgs();

        public Builder path(String path) {
            args.path = path;
            return this;
        }

        public Builder port(Integer port) {
            args.port = port;
            return this;
        }

        public Builder protocol(String protocol) {
            args.protocol = protocol;
            return this;
        }

        public Builder intervalSeconds(Integer intervalSeconds) {
            args.intervalSeconds = intervalSeconds;
            return this;
        }

        public Builder failureThreshold(Integer failureThreshold) {
            args.failureThreshold = failureThreshold;
            return this;
        }

        public Builder regions(List<String> regions) {
            args.regions = regions;
            return this;
        }

        public Builder expectedBody(String expectedBody) {
            args.expectedBody = expectedBody;
            return this;
        }

        public HealthCheckArgs build() {
            return args;
        }
    }
}
