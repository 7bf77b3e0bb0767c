package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.multisite.topology.GitOpsSettings;

/**
 * {@code gitops.argocd}: where Argo CD runs and which chart.
 * Getters return null for an absent key.
 */
public final class ArgoCdArgs extends ResourceArgs {

    /** {@code per-site} (default: an Argo CD in every site managing only itself) or {@code hub}. */
    @Import(name = "mode", required = false)
    private String mode;

    /** Hub mode, and required there: the site running the one Argo CD. */
    @Import(name = "hubSite", required = false)
    private String hubSite;

    /** The argo-cd chart version; default {@value GitOpsSettings#DEFAULT_CHART_VERSION}. */
    @Import(name = "chartVersion", required = false)
    private String chartVersion;

    public ArgoCdArgs() {
    }

    public String mode() {
        return mode;
    }

    public String hubSite() {
        return hubSite;
    }

    public String chartVersion() {
        return chartVersion;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ArgoCdArgs args = new ArgoCdArgs();

        public Builder mode(String mode) {
            args.mode = mode;
            return this;
        }

        public Builder hubSite(String hubSite) {
            args.hubSite = hubSite;
            return this;
        }

        public Builder chartVersion(String chartVersion) {
            args.chartVersion = chartVersion;
            return this;
        }

        public ArgoCdArgs build() {
            return args;
        }
    }
}
