package dev.multisite.bindings;

import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code gcp:compute/healthCheck:HealthCheck} at {@link PluginVersions#GCP_CLOUD_DNS}: a global
 * Compute Engine health check of one site's external endpoint, probing from three source regions.
 * Inputs as that version's schema names them (compute/healthCheck.d.ts of @pulumi/gcp 8.41.1:
 * {@code sourceRegions} takes exactly 3 regions, then {@code checkIntervalSec} must be at least 30
 * and SSL, HTTP2 and gRPC are not supported; {@code httpsHealthCheck.response} matches the
 * beginning of the body).
 */
@ResourceType(type = GcpHealthCheck.TYPE)
public final class GcpHealthCheck extends BoundResource {
    public static final String TYPE = "gcp:compute/healthCheck:HealthCheck";

    /** {@code httpHealthCheck} / {@code httpsHealthCheck}: where and what to probe. */
    public static final class Probe extends ResourceArgs {
        @Import(name = "host")
        private final String host;
        @Import(name = "port")
        private final Integer port;
        @Import(name = "requestPath")
        private final String requestPath;
        @Import(name = "response")
        private final String response;

        /** @param response the expected beginning of the body, or null for any answer */
        public Probe(String host, int port, String requestPath, String response) {
            this.host = host;
            this.port = port;
            this.requestPath = requestPath;
            this.response = response;
        }
    }

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "description")
        private final String description;
        @Import(name = "checkIntervalSec")
        private final Integer checkIntervalSec;
        @Import(name = "timeoutSec")
        private final Integer timeoutSec;
        @Import(name = "unhealthyThreshold")
        private final Integer unhealthyThreshold;
        @Import(name = "healthyThreshold")
        private final Integer healthyThreshold;
        @Import(name = "sourceRegions")
        private final List<String> sourceRegions;
        @Import(name = "httpsHealthCheck")
        private final Probe httpsHealthCheck;
        @Import(name = "httpHealthCheck")
        private final Probe httpHealthCheck;

        /**
         * @param https       probe over HTTPS (else HTTP)
         * @param timeoutSeconds at most the interval (Compute Engine refuses a longer timeout)
         */
        public Args(String description, boolean https, Probe probe, int intervalSeconds, int timeoutSeconds, int unhealthyThreshold,
                    int healthyThreshold, List<String> sourceRegions) {
            this.description = description;
            this.checkIntervalSec = intervalSeconds;
            this.timeoutSec = timeoutSeconds;
            this.unhealthyThreshold = unhealthyThreshold;
            this.healthyThreshold = healthyThreshold;
            this.sourceRegions = List.copyOf(sourceRegions);
            this.httpsHealthCheck = https ? probe : null;
            this.httpHealthCheck = https ? null : probe;
        }
    }

    public GcpHealthCheck(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.GCP_CLOUD_DNS);
    }
}
