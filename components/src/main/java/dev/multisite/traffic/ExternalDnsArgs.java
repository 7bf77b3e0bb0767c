package dev.multisite.traffic;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import dev.multisite.site.Site;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.TrafficSettings;

import java.util.List;
import java.util.Objects;

/**
 * The arguments of one {@link ExternalDns} instance. Build them with {@link #builder()}, which
 * fills in the defaults; the canonical constructor validates, whichever way the record is made,
 * and throws {@link IllegalArgumentException} naming the field and what it expects.
 *
 * @param site            the site ExternalDNS runs in; required
 * @param traffic         the traffic block; required
 * @param domain          the stack's domain; required, not blank
 * @param backend         the DNS backend this instance writes to: the one authoritative for its names; required
 * @param ownerId         the TXT registry owner id, unique per site and backend; required, not blank
 * @param awsGlobal       the AWS provider for IAM; required for a Route 53 backend, unused otherwise
 * @param cloudflareToken the scoped API token, a secret; required for a Cloudflare backend, unused otherwise
 * @param chartVersion    the ExternalDNS chart version; not blank; the builder defaults it to
 *                        {@value #DEFAULT_CHART_VERSION}
 * @param domainFilters   the parents of the site's names this backend holds: {@code <hostname>}
 *                        for {@code <site>.<hostname>}, {@code mesh.<domain>} for the mesh name;
 *                        required, not empty, no blank entry
 * @param releaseName     the Helm release (and service account) name, distinct per instance in a
 *                        cluster; not blank; the builder defaults it to {@value ExternalDns#SERVICE_ACCOUNT},
 *                        the name of a site's first instance ({@link DnsBackends#forSite})
 * @param namespace       the namespace of this instance; not blank; the builder defaults it to
 *                        {@value ExternalDns#NAMESPACE}, the namespace of a site's first instance
 */
public record ExternalDnsArgs(Site site, TrafficSettings traffic, String domain, DnsBackend backend, String ownerId,
                              Provider awsGlobal, Output<String> cloudflareToken, String chartVersion, List<String> domainFilters,
                              String releaseName, String namespace) {
    public static final String DEFAULT_CHART_VERSION = "1.21.1";

    public ExternalDnsArgs {
        required(site, "site", "the site ExternalDNS runs in");
        required(traffic, "traffic", "the topology's traffic block");
        notBlank(domain, "domain", "the stack's domain, e.g. example.com");
        required(backend, "backend", "the DNS backend this instance writes to (route53, cloudflare or clouddns)");
        notBlank(ownerId, "ownerId", "the TXT registry owner id, unique per site and backend");
        // Each backend needs its own credential (the other one's is unused). A switch expression: a
        // new backend does not compile until its credential is required here.
        Object credential = switch (backend.kind()) {
            case ROUTE53 -> required(awsGlobal, "awsGlobal",
                    "the AWS provider for the IAM role of a route53 backend (GlobalEndpoint.awsGlobal)");
            case CLOUDFLARE -> required(cloudflareToken, "cloudflareToken",
                    "the scoped Cloudflare API token (a secret) of a cloudflare backend");
            // The site's workload identity (ExternalDns creates the Google service account in the zone's project).
            case CLOUDDNS -> required(site.workloadIdentity().orElse(null), "site",
                    "a site with a workload identity (GKE, or an EKS or AKS OIDC issuer Google federates) for a clouddns backend");
        };
        notBlank(chartVersion, "chartVersion", "the ExternalDNS chart version, e.g. " + DEFAULT_CHART_VERSION);
        // No filter would let ExternalDNS manage every name the backend holds, not just the site's.
        String filters = "the parents of the site's names this backend holds, e.g. app.example.com";
        required(domainFilters, "domainFilters", filters);
        if (domainFilters.isEmpty()) {
            throw new IllegalArgumentException("ExternalDnsArgs.domainFilters: must not be empty; " + filters);
        }
        if (domainFilters.stream().anyMatch(f -> f == null || f.isBlank())) {
            throw new IllegalArgumentException("ExternalDnsArgs.domainFilters: entries must not be blank; " + filters);
        }
        domainFilters = List.copyOf(domainFilters);
        notBlank(releaseName, "releaseName", "the Helm release and service account name, distinct per instance in a cluster");
        notBlank(namespace, "namespace", "the Kubernetes namespace of this instance");
    }

    public static Builder builder() {
        return new Builder();
    }

    private static <T> T required(T value, String field, String expected) {
        if (value == null) {
            throw new IllegalArgumentException("ExternalDnsArgs." + field + ": required; " + expected);
        }
        return value;
    }

    private static void notBlank(String value, String field, String expected) {
        required(value, field, expected);
        if (value.isBlank()) {
            throw new IllegalArgumentException("ExternalDnsArgs." + field + ": must not be blank; " + expected);
        }
    }

    /** Fluent construction; {@link #build()} applies the defaults, then the record validates. */
    public static final class Builder {
        private Site site;
        private TrafficSettings traffic;
        private String domain;
        private DnsBackend backend;
        private String ownerId;
        private Provider awsGlobal;
        private Output<String> cloudflareToken;
        private String chartVersion;
        private List<String> domainFilters;
        private String releaseName;
        private String namespace;

        private Builder() {
        }

        /** The site ExternalDNS runs in; required. */
        public Builder site(Site site) {
            this.site = site;
            return this;
        }

        /** The topology's traffic block; required. */
        public Builder traffic(TrafficSettings traffic) {
            this.traffic = traffic;
            return this;
        }

        /** The stack's domain; required, not blank. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** The DNS backend this instance writes to; required. */
        public Builder backend(DnsBackend backend) {
            this.backend = backend;
            return this;
        }

        /** The TXT registry owner id, unique per site and backend; required, not blank. */
        public Builder ownerId(String ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        /** The AWS provider for IAM; required for a Route 53 backend, no default. */
        public Builder awsGlobal(Provider awsGlobal) {
            this.awsGlobal = awsGlobal;
            return this;
        }

        /** The scoped Cloudflare API token, a secret; required for a Cloudflare backend, no default. */
        public Builder cloudflareToken(Output<String> cloudflareToken) {
            this.cloudflareToken = cloudflareToken;
            return this;
        }

        /** The ExternalDNS chart version; default (also when set to null) {@value ExternalDnsArgs#DEFAULT_CHART_VERSION}. */
        public Builder chartVersion(String chartVersion) {
            this.chartVersion = chartVersion;
            return this;
        }

        /** The parents of the site's names this backend holds ({@link DnsBackends#forSite}); required, not empty, no default. */
        public Builder domainFilters(List<String> domainFilters) {
            this.domainFilters = domainFilters;
            return this;
        }

        /**
         * The Helm release and service account name; default (also when set to null)
         * {@value ExternalDns#SERVICE_ACCOUNT}, a site's first instance: set it for any other.
         */
        public Builder releaseName(String releaseName) {
            this.releaseName = releaseName;
            return this;
        }

        /**
         * The namespace of this instance; default (also when set to null) {@value ExternalDns#NAMESPACE},
         * a site's first instance: set it for any other.
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** Applies the defaults and validates (in the canonical constructor). */
        public ExternalDnsArgs build() {
            return new ExternalDnsArgs(site, traffic, domain, backend, ownerId, awsGlobal, cloudflareToken,
                    Objects.requireNonNullElse(chartVersion, DEFAULT_CHART_VERSION), domainFilters,
                    Objects.requireNonNullElse(releaseName, ExternalDns.SERVICE_ACCOUNT),
                    Objects.requireNonNullElse(namespace, ExternalDns.NAMESPACE));
        }
    }
}
