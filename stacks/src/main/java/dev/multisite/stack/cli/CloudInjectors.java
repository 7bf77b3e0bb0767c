package dev.multisite.stack.cli;

import dev.multisite.ops.drill.CloudDnsPolicyInjector;
import dev.multisite.ops.drill.CloudflarePoolInjector;
import dev.multisite.ops.drill.FailureInjector;
import dev.multisite.ops.drill.IngressScaleInjector;
import dev.multisite.ops.drill.Route53DrainInjector;
import dev.multisite.ops.drill.StackOutputs;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Builds the injector a cloud drill asked for from the stack outputs and the operator's own
 * credentials: the AWS default chain, {@code CLOUDFLARE_API_TOKEN}, {@code GOOGLE_OAUTH_ACCESS_TOKEN}
 * (the variable the Google provider reads an access token from; e.g. {@code gcloud auth print-access-token}),
 * the current kubeconfig context.
 */
final class CloudInjectors {
    private CloudInjectors() {
    }

    static FailureInjector create(DrillCommand.Injector kind, String site, StackOutputs outputs, String ingress,
                                  dev.multisite.topology.Topology topology) {
        return switch (kind) {
            case route53 -> new Route53DrainInjector(Route53Client.builder().region(Region.AWS_GLOBAL)
                    .httpClient(UrlConnectionHttpClient.create()).build(), site, outputs.drainSwitch(site), true);
            case cloudflare -> {
                String token = System.getenv("CLOUDFLARE_API_TOKEN");
                if (token == null || token.isBlank()) {
                    throw new IllegalArgumentException("--injector cloudflare needs CLOUDFLARE_API_TOKEN (a token with Load Balancing: Monitors and Pools Write)");
                }
                yield CloudflarePoolInjector.of(site, outputs.cloudflareAccountId(), outputs.cloudflarePool(site), token);
            }
            case clouddns -> {
                var gcp = topology.traffic() == null ? java.util.Optional.<dev.multisite.topology.DnsBackend.CloudDnsBackend>empty()
                        : topology.traffic().dns().stream().flatMap(d -> d.as(dev.multisite.topology.DnsBackend.CloudDnsBackend.class).stream()).findFirst();
                if (gcp.isEmpty()) {
                    throw new IllegalArgumentException("--injector clouddns: the stack has no clouddns backend in traffic.dns");
                }
                String token = System.getenv("GOOGLE_OAUTH_ACCESS_TOKEN");
                if (token == null || token.isBlank()) {
                    throw new IllegalArgumentException("--injector clouddns needs GOOGLE_OAUTH_ACCESS_TOKEN (e.g. $(gcloud auth print-access-token),"
                            + " an identity allowed dns.resourceRecordSets.update on zone " + gcp.get().managedZone() + ")");
                }
                yield CloudDnsPolicyInjector.of(site, gcp.get().project(), gcp.get().managedZone(), outputs.globalHostname(),
                        gcp.get().endpoints().get(site), token);
            }
            case ingress -> {
                String[] parts = ingress.split("/", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--ingress '" + ingress + "' is not namespace/deployment");
                }
                yield new IngressScaleInjector(new KubernetesClientBuilder().build(), site, parts[0], parts[1]);
            }
        };
    }
}
