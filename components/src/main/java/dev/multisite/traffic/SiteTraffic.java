package dev.multisite.traffic;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.site.Site;
import dev.multisite.topology.Topology;

/**
 * A site's own share of global traffic, under the site: one ExternalDNS per DNS backend that is
 * authoritative for some of the site's names, and the deep health app the health checks probe.
 */
public final class SiteTraffic {
    /**
     * Route 53 and IAM are global services reached through us-east-1: "Route 53 in AWS Regions
     * other than the Beijing and Ningxia Regions: specify us-east-1 as the Region"
     * (https://docs.aws.amazon.com/general/latest/gr/r53.html).
     */
    static final String GLOBAL_REGION = "us-east-1";

    private SiteTraffic() {
    }

    /**
     * @param awsGlobal       the AWS provider for IAM (a Route 53 backend's role); null without one
     * @param cloudflareToken the Cloudflare API token (a secret); null without a Cloudflare backend
     * @param stack           the stack name, part of each ExternalDNS owner id
     */
    public static void install(Site site, Topology topology, Provider awsGlobal, Output<String> cloudflareToken, String stack) {
        var traffic = topology.traffic();
        var underSite = ComponentResourceOptions.builder().parent(site.resource()).build();
        for (var dns : DnsBackends.forSite(site.name(), topology)) {
            new ExternalDns(site.name() + "-external-dns" + dns.suffix(), ExternalDnsArgs.builder()
                    .site(site)
                    .traffic(traffic)
                    .domain(topology.domain())
                    .backend(dns.backend())
                    .ownerId("multisite-" + stack + "-" + site.name() + dns.suffix())
                    .awsGlobal(awsGlobal)
                    .cloudflareToken(cloudflareToken)
                    .domainFilters(dns.domainFilters())
                    .releaseName(dns.releaseName())
                    .namespace(dns.namespace())
                    .build(), underSite);
        }
        new HealthApp(site.name() + "-healthz", site, traffic, underSite);
    }

    /** An AWS provider for the global services (Route 53, IAM), named {@code name}, under {@code parent}. */
    public static Provider awsGlobal(String name, com.pulumi.resources.Resource parent) {
        return new Provider(name, ProviderArgs.builder().region(GLOBAL_REGION).build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
