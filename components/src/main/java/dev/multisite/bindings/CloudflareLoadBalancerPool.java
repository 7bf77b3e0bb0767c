package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code cloudflare:index/loadBalancerPool:LoadBalancerPool}: one site's origins, checked by a monitor. */
@ResourceType(type = CloudflareLoadBalancerPool.TYPE)
public final class CloudflareLoadBalancerPool extends BoundResource {
    public static final String TYPE = "cloudflare:index/loadBalancerPool:LoadBalancerPool";

    /** One origin of a pool, reached by its own hostname and asked for the global one. */
    public static final class Origin extends ResourceArgs {
        @Import(name = "name", required = true)
        private final String name;
        @Import(name = "address", required = true)
        private final String address;
        @Import(name = "enabled")
        private final Boolean enabled = true;
        @Import(name = "headers")
        private final List<CloudflareLoadBalancerMonitor.Header> headers;

        public Origin(String name, String address, String hostHeader) {
            this.name = name;
            this.address = address;
            this.headers = List.of(new CloudflareLoadBalancerMonitor.Header("Host", List.of(hostHeader)));
        }
    }

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "accountId", required = true)
        private final String accountId;
        @Import(name = "name", required = true)
        private final String name;
        @Import(name = "origins", required = true)
        private final List<Origin> origins;
        @Import(name = "monitor")
        private final Output<String> monitor;
        @Import(name = "minimumOrigins")
        private final Integer minimumOrigins = 1;
        @Import(name = "description")
        private final String description;

        public Args(String accountId, String name, List<Origin> origins, Output<String> monitorId, String description) {
            this.accountId = accountId;
            this.name = name;
            this.origins = origins;
            this.monitor = monitorId;
            this.description = description;
        }
    }

    public CloudflareLoadBalancerPool(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.CLOUDFLARE);
    }
}
