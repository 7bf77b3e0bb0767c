package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code cloudflare:index/loadBalancer:LoadBalancer}: the global hostname, steering over the site pools. */
@ResourceType(type = CloudflareLoadBalancer.TYPE)
public final class CloudflareLoadBalancer extends BoundResource {
    public static final String TYPE = "cloudflare:index/loadBalancer:LoadBalancer";

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "zoneId", required = true)
        private final String zoneId;
        @Import(name = "name", required = true)
        private final String name;
        @Import(name = "defaultPoolIds", required = true)
        private final Output<List<String>> defaultPoolIds;
        @Import(name = "fallbackPoolId", required = true)
        private final Output<String> fallbackPoolId;
        @Import(name = "proxied")
        private final Boolean proxied;
        @Import(name = "ttl")
        private final Integer ttl;
        @Import(name = "steeringPolicy")
        private final String steeringPolicy;
        @Import(name = "sessionAffinity")
        private final String sessionAffinity = "none";
        @Import(name = "description")
        private final String description;

        /** @param ttl only used when not proxied (Cloudflare ignores a TTL on proxied load balancers) */
        public Args(String zoneId, String hostname, Output<List<String>> defaultPoolIds, Output<String> fallbackPoolId,
                    boolean proxied, int ttl, String steeringPolicy, String description) {
            this.zoneId = zoneId;
            this.name = hostname;
            this.defaultPoolIds = defaultPoolIds;
            this.fallbackPoolId = fallbackPoolId;
            this.proxied = proxied;
            this.ttl = proxied ? null : ttl;
            this.steeringPolicy = steeringPolicy;
            this.description = description;
        }
    }

    public CloudflareLoadBalancer(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.CLOUDFLARE);
    }
}
