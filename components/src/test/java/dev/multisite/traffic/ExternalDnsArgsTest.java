package dev.multisite.traffic;

import com.pulumi.core.Output;
import dev.multisite.site.StubSite;
import dev.multisite.site.TwoSites;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalDnsArgsTest {
    /** Two cloud sites; Route 53 holds the delegated subzone app.example.com (the global name below its apex), Cloudflare example.com. */
    private static final Topology TOPO = TwoSites.topology("traffic", """
            hostname: www.app.example.com
            dns:
              - route53: {hostedZoneId: Z0123456789EXAMPLE, zone: app.example.com}
              - cloudflare: {zoneId: 0123456789abcdef0123456789abcdef, accountId: fedcba9876543210fedcba9876543210, apiToken: cf-token}
            """);
    private static final DnsBackend ROUTE53 = TOPO.traffic().dns().get(0);
    private static final DnsBackend CLOUDFLARE = TOPO.traffic().dns().get(1);

    /** Every required value of a Cloudflare instance; the defaulted ones unset. */
    private static ExternalDnsArgs.Builder complete() {
        return ExternalDnsArgs.builder()
                .site(StubSite.of(TOPO.sites().get(1)))
                .traffic(TOPO.traffic())
                .domain("example.com")
                .backend(CLOUDFLARE)
                .ownerId("multisite-prod-gcp-euw4")
                .cloudflareToken(Output.of("token"))
                .domainFilters(List.of("app.example.com", "mesh.example.com"));
    }

    private static void assertRejected(UnaryOperator<ExternalDnsArgs.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(complete()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void builderAppliesTheDefaults() {
        var args = complete().build();
        assertThat(args.chartVersion()).isEqualTo(ExternalDnsArgs.DEFAULT_CHART_VERSION);
        assertThat(args.releaseName()).isEqualTo(ExternalDns.SERVICE_ACCOUNT);
        assertThat(args.namespace()).isEqualTo(ExternalDns.NAMESPACE);
        assertThat(args.awsGlobal()).isNull();
        assertThat(args.ownerId()).isEqualTo("multisite-prod-gcp-euw4");
        assertThat(args.domainFilters()).containsExactly("app.example.com", "mesh.example.com");
    }

    @Test
    void setValuesOverrideTheDefaults() {
        var args = complete().chartVersion("1.20.0").releaseName("external-dns-cloudflare").namespace("external-dns-cloudflare").build();
        assertThat(args.chartVersion()).isEqualTo("1.20.0");
        assertThat(args.releaseName()).isEqualTo("external-dns-cloudflare");
        assertThat(args.namespace()).isEqualTo("external-dns-cloudflare");
    }

    @Test
    void missingRequiredValues() {
        assertRejected(b -> b.site(null), "ExternalDnsArgs.site: required; the site ExternalDNS runs in");
        assertRejected(b -> b.traffic(null), "ExternalDnsArgs.traffic: required; the topology's traffic block");
        assertRejected(b -> b.domain(null), "ExternalDnsArgs.domain: required; the stack's domain, e.g. example.com");
        assertRejected(b -> b.backend(null),
                "ExternalDnsArgs.backend: required; the DNS backend this instance writes to (route53, cloudflare or clouddns)");
        assertRejected(b -> b.ownerId(null), "ExternalDnsArgs.ownerId: required; the TXT registry owner id, unique per site and backend");
        assertRejected(b -> b.domainFilters(null),
                "ExternalDnsArgs.domainFilters: required; the parents of the site's names this backend holds, e.g. app.example.com");
    }

    @Test
    void eachBackendRequiresItsCredential() {
        assertRejected(b -> b.cloudflareToken(null),
                "ExternalDnsArgs.cloudflareToken: required; the scoped Cloudflare API token (a secret) of a cloudflare backend");
        assertRejected(b -> b.backend(ROUTE53),
                "ExternalDnsArgs.awsGlobal: required; the AWS provider for the IAM role of a route53 backend (GlobalEndpoint.awsGlobal)");
        // A stub site has no workload identity: nothing Google could trust to write to Cloud DNS.
        assertRejected(b -> b.backend(new DnsBackend.CloudDnsBackend("example-com", "dns-prod-1234", null, null, null, null)),
                "ExternalDnsArgs.site: required; a site with a workload identity (GKE, or an EKS or AKS OIDC issuer Google federates)"
                        + " for a clouddns backend");
    }

    @Test
    void blankAndEmptyValues() {
        assertRejected(b -> b.domain(" "), "ExternalDnsArgs.domain: must not be blank; the stack's domain, e.g. example.com");
        assertRejected(b -> b.ownerId(""),
                "ExternalDnsArgs.ownerId: must not be blank; the TXT registry owner id, unique per site and backend");
        assertRejected(b -> b.chartVersion(" "),
                "ExternalDnsArgs.chartVersion: must not be blank; the ExternalDNS chart version, e.g. " + ExternalDnsArgs.DEFAULT_CHART_VERSION);
        assertRejected(b -> b.releaseName(""),
                "ExternalDnsArgs.releaseName: must not be blank; the Helm release and service account name, distinct per instance in a cluster");
        assertRejected(b -> b.namespace(" "), "ExternalDnsArgs.namespace: must not be blank; the Kubernetes namespace of this instance");
        assertRejected(b -> b.domainFilters(List.of()),
                "ExternalDnsArgs.domainFilters: must not be empty; the parents of the site's names this backend holds, e.g. app.example.com");
        assertRejected(b -> b.domainFilters(List.of("app.example.com", " ")),
                "ExternalDnsArgs.domainFilters: entries must not be blank; the parents of the site's names this backend holds, e.g. app.example.com");
    }

    @Test
    void positionalConstructorValidatesToo() {
        assertThatThrownBy(() -> new ExternalDnsArgs(StubSite.of(TOPO.sites().get(1)), TOPO.traffic(), "example.com", CLOUDFLARE,
                null, null, Output.of("token"), ExternalDnsArgs.DEFAULT_CHART_VERSION, List.of("app.example.com"), "external-dns", "external-dns"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExternalDnsArgs.ownerId: required; the TXT registry owner id, unique per site and backend");
    }
}
