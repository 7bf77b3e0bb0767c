package dev.multisite.traffic;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import dev.multisite.site.Site;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.TrafficSettings;

/**
 * @param site            the site ExternalDNS runs in
 * @param traffic         the traffic block (hostname, domain filters)
 * @param domain          the stack's domain
 * @param backend         the DNS backend this site's ExternalDNS writes its per-site record to
 * @param ownerId         the TXT registry owner id, distinct per site
 * @param awsGlobal       the AWS provider for IAM (Route 53 backend only)
 * @param cloudflareToken the scoped API token (Cloudflare backend only), a secret
 * @param chartVersion    the ExternalDNS chart version
 * @param publishesMesh   also publish the site's clustermesh-apiserver name ({@code <site>.mesh.<domain>})
 */
public record ExternalDnsArgs(Site site, TrafficSettings traffic, String domain, DnsBackend backend, String ownerId,
                              Provider awsGlobal, Output<String> cloudflareToken, String chartVersion, boolean publishesMesh) {
    public static final String DEFAULT_CHART_VERSION = "1.21.1";
}
