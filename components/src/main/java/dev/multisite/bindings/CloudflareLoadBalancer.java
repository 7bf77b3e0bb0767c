package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code cloudflare:index/loadBalancer:LoadBalancer}: the global hostname, steering over the site pools. */
@ResourceType(type = "cloudflare:index/loadBalancer:LoadBalancer")
public final class CloudflareLoadBalancer extends CustomResource {
    public static final String TYPE = "cloudflare:index/loadBalancer:LoadBalancer";

    public static final class Args extends ResourceArgs {
        @Import(name = "zoneId", required = true)
        private final Output<String> zoneId;
        @Import(name = "name", required = true)
        private final Output<String> name;
        @Import(name = "defaultPoolIds", required = true)
        private final Output<List<String>> defaultPoolIds;
        @Import(name = "fallbackPoolId", required = true)
        private final Output<String> fallbackPoolId;
        @Import(name = "proxied")
        private final Output<Boolean> proxied;
        @Import(name = "ttl")
        private final Output<Integer> ttl;
        @Import(name = "steeringPolicy")
        private final Output<String> steeringPolicy;
        @Import(name = "sessionAffinity")
        private final Output<String> sessionAffinity;
        @Import(name = "description")
        private final Output<String> description;

        /** @param ttl only used when not proxied (Cloudflare ignores a TTL on proxied load balancers) */
        public Args(String zoneId, String hostname, Output<List<String>> defaultPoolIds, Output<String> fallbackPoolId,
                    boolean proxied, int ttl, String steeringPolicy, String description) {
            this.zoneId = Output.of(zoneId);
            this.name = Output.of(hostname);
            this.defaultPoolIds = defaultPoolIds;
            this.fallbackPoolId = fallbackPoolId;
            this.proxied = Output.of(proxied);
            this.ttl = proxied ? null : Output.of(ttl);
            this.steeringPolicy = Output.of(steeringPolicy);
            this.sessionAffinity = Output.of("none");
            this.description = Output.of(description);
        }
    }

    public CloudflareLoadBalancer(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, PluginVersions.pinned(options, PluginVersions.CLOUDFLARE));
    }
}
