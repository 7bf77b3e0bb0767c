package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * One entry of {@code traffic.dns[]}: exactly one of {@code route53}, {@code cloudflare} or {@code clouddns}.
 * Getters return null for an absent key.
 */
public final class DnsBackendArgs extends ResourceArgs {

    @Import(name = "route53", required = false)
    private Route53Args route53;

    @Import(name = "cloudflare", required = false)
    private CloudflareArgs cloudflare;

    @Import(name = "clouddns", required = false)
    private CloudDnsArgs clouddns;

    public DnsBackendArgs() {
    }

    public Route53Args route53() {
        return route53;
    }

    public CloudflareArgs cloudflare() {
        return cloudflare;
    }

    public CloudDnsArgs clouddns() {
        return clouddns;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final DnsBackendArgs args = new DnsBackendArgs();

        public Builder route53(Route53Args route53) {
            args.route53 = route53;
            return this;
        }

        public Builder cloudflare(CloudflareArgs cloudflare) {
            args.cloudflare = cloudflare;
            return this;
        }

        public Builder clouddns(CloudDnsArgs clouddns) {
            args.clouddns = clouddns;
            return this;
        }

        public DnsBackendArgs build() {
            return args;
        }
    }
}
