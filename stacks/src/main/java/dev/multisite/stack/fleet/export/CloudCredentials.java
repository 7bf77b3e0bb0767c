package dev.multisite.stack.fleet.export;

import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The environment variables a workspace outside GitHub Actions (the Kubernetes operator's) needs
 * for each cloud a fleet uses, read from one Kubernetes Secret whose keys are these names. GitHub
 * workflows get short-lived OIDC credentials from .github/actions/cloud-credentials instead.
 */
final class CloudCredentials {
    private CloudCredentials() {
    }

    /** The clouds whose APIs a fleet's parts call: every site's provider, and AWS for Route 53. */
    static Set<CloudProvider> clouds(Topology topology) {
        Set<CloudProvider> clouds = EnumSet.noneOf(CloudProvider.class);
        for (SiteSpec site : topology.sites()) {
            if (!environment(site.provider()).isEmpty()) {
                clouds.add(site.provider());
            }
        }
        if (topology.traffic() != null) {
            for (DnsBackend backend : topology.traffic().dns()) {
                // A switch expression, so a new DNS backend must decide here (CONTRIBUTING.md, "Add a DNS backend").
                java.util.Optional<CloudProvider> calls = switch (backend.kind()) {
                    case ROUTE53 -> java.util.Optional.of(CloudProvider.AWS);
                    // The Cloudflare token is secret stack config (spec.secretsRef), not environment.
                    case CLOUDFLARE -> java.util.Optional.empty();
                    // Cloud DNS records, health checks and the ExternalDNS service accounts are Google API calls.
                    case CLOUDDNS -> java.util.Optional.of(CloudProvider.GCP);
                };
                calls.ifPresent(clouds::add);
            }
        }
        return clouds;
    }

    /**
     * The provider's own credential variables. Sources: the Pulumi registry's installation and
     * configuration pages of aws (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), gcp (GOOGLE_CREDENTIALS,
     * the service account key JSON) and azure-native (ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_TENANT_ID,
     * ARM_SUBSCRIPTION_ID). An existing site is reached by its kubeconfig, which is secret config.
     */
    static List<String> environment(CloudProvider cloud) {
        return switch (cloud) {
            case AWS -> List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
            case GCP -> List.of("GOOGLE_CREDENTIALS");
            case AZURE -> List.of("ARM_CLIENT_ID", "ARM_CLIENT_SECRET", "ARM_TENANT_ID", "ARM_SUBSCRIPTION_ID");
            case EXISTING -> List.of();
        };
    }
}
