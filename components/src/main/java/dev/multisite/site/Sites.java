package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.topology.SiteSpec;

import java.util.function.Function;

/** Creates the right {@link Site} for a declared site, and completes it: the only switches over providers for sites. */
public final class Sites {
    private Sites() {
    }

    /**
     * @param existingKubeconfig resolves an {@code existing.kubeconfig} config key to its secret value;
     *                           only called for {@code existing} sites
     */
    public static Site create(SiteSpec spec, Function<String, Output<String>> existingKubeconfig, ComponentResourceOptions options) {
        return switch (spec.provider()) {
            case AWS -> new EksSite(spec, options);
            case GCP -> new GkeSite(spec, options);
            case AZURE -> new AksSite(spec, options);
            case EXISTING -> new ExistingSite(spec, existingKubeconfig.apply(spec.existing().kubeconfig()), options);
        };
    }

    /**
     * What a site still needs once its CNI ({@code cni}, the site's Cilium release) exists. Only EKS
     * sites need anything: they are created without CoreDNS, which then follows the CNI. GKE runs its
     * own kube-dns, AKS its own CoreDNS, and an existing cluster brings its DNS.
     */
    public static void completeAfterCni(Site site, com.pulumi.resources.Resource cni) {
        // A switch expression, so a new provider does not compile until it is decided here.
        Runnable next = switch (site.provider()) {
            case AWS -> () -> ((EksSite) site).installCoreDns(cni);
            case GCP, AZURE, EXISTING -> () -> {
            };
        };
        next.run();
    }
}
