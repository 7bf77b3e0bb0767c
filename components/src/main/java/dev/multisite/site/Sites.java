package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.topology.SiteSpec;

import java.util.function.Function;

/** Creates the right {@link Site} for a declared site: the only switch over providers. */
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
}
