package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor}: the health monitor pools are checked with. */
@ResourceType(type = "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor")
public final class CloudflareLoadBalancerMonitor extends CustomResource {
    public static final String TYPE = "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor";

    /** A request header the monitor sends (e.g. Host). */
    public static final class Header extends ResourceArgs {
        @Import(name = "header", required = true)
        private final Output<String> header;
        @Import(name = "values", required = true)
        private final Output<List<String>> values;

        public Header(String header, List<String> values) {
            this.header = Output.of(header);
            this.values = Output.of(values);
        }
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "accountId", required = true)
        private final Output<String> accountId;
        @Import(name = "type")
        private final Output<String> type;
        @Import(name = "method")
        private final Output<String> method;
        @Import(name = "path")
        private final Output<String> path;
        @Import(name = "port")
        private final Output<Integer> port;
        @Import(name = "interval")
        private final Output<Integer> interval;
        @Import(name = "retries")
        private final Output<Integer> retries;
        @Import(name = "timeout")
        private final Output<Integer> timeout;
        @Import(name = "consecutiveDown")
        private final Output<Integer> consecutiveDown;
        @Import(name = "consecutiveUp")
        private final Output<Integer> consecutiveUp;
        @Import(name = "expectedCodes")
        private final Output<String> expectedCodes;
        @Import(name = "expectedBody")
        private final Output<String> expectedBody;
        @Import(name = "description")
        private final Output<String> description;

        public Args(String accountId, String type, String path, int port, int interval, int consecutiveDown, String expectedBody, String description) {
            this.accountId = Output.of(accountId);
            this.type = Output.of(type);
            this.method = Output.of("GET");
            this.path = Output.of(path);
            this.port = Output.of(port);
            this.interval = Output.of(interval);
            // Retries within one check would stretch detection; failures are counted across checks instead.
            this.retries = Output.of(0);
            this.timeout = Output.of(Math.max(1, Math.min(5, interval / 2)));
            this.consecutiveDown = Output.of(consecutiveDown);
            this.consecutiveUp = Output.of(consecutiveDown);
            this.expectedCodes = Output.of("200");
            this.expectedBody = expectedBody == null ? null : Output.of(expectedBody);
            this.description = Output.of(description);
        }
    }

    public CloudflareLoadBalancerMonitor(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, PluginVersions.pinned(options, PluginVersions.CLOUDFLARE));
    }
}
