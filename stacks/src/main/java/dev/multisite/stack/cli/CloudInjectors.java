package dev.multisite.stack.cli;

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
 * credentials: the AWS default chain, {@code CLOUDFLARE_API_TOKEN}, the current kubeconfig context.
 */
final class CloudInjectors {
    private CloudInjectors() {
    }

    static FailureInjector create(DrillCommand.Injector kind, String site, StackOutputs outputs, String ingress) {
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
