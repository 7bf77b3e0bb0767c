package dev.multisite.bindings;

import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** {@code cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor}: the health monitor pools are checked with. */
@ResourceType(type = CloudflareLoadBalancerMonitor.TYPE)
public final class CloudflareLoadBalancerMonitor extends BoundResource {
    public static final String TYPE = "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor";

    /** A request header the monitor sends (e.g. Host). */
    public static final class Header extends ResourceArgs {
        @Import(name = "header", required = true)
        private final String header;
        @Import(name = "values", required = true)
        private final List<String> values;

        public Header(String header, List<String> values) {
            this.header = header;
            this.values = values;
        }
    }

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "accountId", required = true)
        private final String accountId;
        @Import(name = "type")
        private final String type;
        @Import(name = "method")
        private final String method = "GET";
        @Import(name = "path")
        private final String path;
        @Import(name = "port")
        private final Integer port;
        @Import(name = "interval")
        private final Integer interval;
        /** Retries within one check would stretch detection; failures are counted across checks instead. */
        @Import(name = "retries")
        private final Integer retries = 0;
        @Import(name = "timeout")
        private final Integer timeout;
        @Import(name = "consecutiveDown")
        private final Integer consecutiveDown;
        @Import(name = "consecutiveUp")
        private final Integer consecutiveUp;
        @Import(name = "expectedCodes")
        private final String expectedCodes = "200";
        @Import(name = "expectedBody")
        private final String expectedBody;
        @Import(name = "description")
        private final String description;

        /** @param expectedBody null for any body */
        public Args(String accountId, String type, String path, int port, int interval, int consecutiveDown, String expectedBody, String description) {
            this.accountId = accountId;
            this.type = type;
            this.path = path;
            this.port = port;
            this.interval = interval;
            this.timeout = Math.max(1, Math.min(5, interval / 2));
            this.consecutiveDown = consecutiveDown;
            this.consecutiveUp = consecutiveDown;
            this.expectedBody = expectedBody;
            this.description = description;
        }
    }

    public CloudflareLoadBalancerMonitor(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.CLOUDFLARE);
    }
}
