package dev.multisite.traffic;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import dev.multisite.site.Site;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.TrafficSettings;

import java.util.List;

/**
 * @param site            the site ExternalDNS runs in
 * @param traffic         the traffic block
 * @param domain          the stack's domain
 * @param backend         the DNS backend this instance writes to: the one authoritative for its names
 * @param ownerId         the TXT registry owner id, distinct per site
 * @param awsGlobal       the AWS provider for IAM (Route 53 backend only)
 * @param cloudflareToken the scoped API token (Cloudflare backend only), a secret
 * @param chartVersion    the ExternalDNS chart version
 * @param domainFilters   the parents of the site's names this backend holds: {@code <hostname>}
 *                        for {@code <site>.<hostname>}, {@code mesh.<domain>} for the mesh name
 * @param releaseName     the Helm release (and service account) name, distinct per instance in a
 *                        cluster ({@value ExternalDns#SERVICE_ACCOUNT} for a site's first instance)
 * @param namespace       the namespace of this instance ({@value ExternalDns#NAMESPACE} for the first)
 */
public record ExternalDnsArgs(Site site, TrafficSettings traffic, String domain, DnsBackend backend, String ownerId,
                              Provider awsGlobal, Output<String> cloudflareToken, String chartVersion, List<String> domainFilters,
                              String releaseName, String namespace) {
    public static final String DEFAULT_CHART_VERSION = "1.21.1";

    public ExternalDnsArgs {
        domainFilters = List.copyOf(domainFilters);
    }
}
