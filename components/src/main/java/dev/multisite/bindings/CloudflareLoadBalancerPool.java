package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code cloudflare:index/loadBalancerPool:LoadBalancerPool}: one site's origins, checked by a monitor. */
@ResourceType(type = "cloudflare:index/loadBalancerPool:LoadBalancerPool")
public final class CloudflareLoadBalancerPool extends CustomResource {
    public static final String TYPE = "cloudflare:index/loadBalancerPool:LoadBalancerPool";

    /** One origin of a pool. */
    public static final class Origin extends ResourceArgs {
        @Import(name = "name", required = true)
        private final Output<String> name;
        @Import(name = "address", required = true)
        private final Output<String> address;
        @Import(name = "enabled")
        private final Output<Boolean> enabled;
        @Import(name = "headers")
        private final Output<List<CloudflareLoadBalancerMonitor.Header>> headers;

        public Origin(String name, String address, String hostHeader) {
            this.name = Output.of(name);
            this.address = Output.of(address);
            this.enabled = Output.of(true);
            this.headers = Output.of(List.of(new CloudflareLoadBalancerMonitor.Header("Host", List.of(hostHeader))));
        }
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "accountId", required = true)
        private final Output<String> accountId;
        @Import(name = "name", required = true)
        private final Output<String> name;
        @Import(name = "origins", required = true)
        private final Output<List<Origin>> origins;
        @Import(name = "monitor")
        private final Output<String> monitor;
        @Import(name = "minimumOrigins")
        private final Output<Integer> minimumOrigins;
        @Import(name = "description")
        private final Output<String> description;

        public Args(String accountId, String name, List<Origin> origins, Output<String> monitorId, String description) {
            this.accountId = Output.of(accountId);
            this.name = Output.of(name);
            this.origins = Output.of(origins);
            this.monitor = monitorId;
            this.minimumOrigins = Output.of(1);
            this.description = Output.of(description);
        }
    }

    public CloudflareLoadBalancerPool(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, PluginVersions.pinned(options, PluginVersions.CLOUDFLARE));
    }
}
