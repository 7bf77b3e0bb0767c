package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code sites[].existing}: an existing cluster (required on an {@code existing} site). The
 * kubeconfig itself is never here: its value is in {@link FleetArgs#secrets()}.
 * Getters return null for an absent key.
 */
public final class ExistingArgs extends ResourceArgs {

    /**
     * Name of the secret config key (namespace {@code multisite}) holding the kubeconfig, e.g.
     * {@code metal-fra-kubeconfig}.
     */
    @Import(name = "kubeconfig", required = true)
    private String kubeconfig;

    /** The kubeconfig context to use; default its current context. */
    @Import(name = "context", required = false)
    private String context;

    /** The site's VPN device; required while {@code network.interconnect} is enabled. */
    @Import(name = "vpn", required = false)
    private VpnArgs vpn;

    public ExistingArgs() {
    }

    public String kubeconfig() {
        return kubeconfig;
    }

    public String context() {
        return context;
    }

    public VpnArgs vpn() {
        return vpn;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ExistingArgs args = new ExistingArgs();

        public Builder kubeconfig(String kubeconfig) {
            args.kubeconfig = kubeconfig;
            return this;
        }

        public Builder context(String context) {
            args.context = context;
            return this;
        }

        public Builder vpn(VpnArgs vpn) {
            args.vpn = vpn;
            return this;
        }

        public ExistingArgs build() {
            return args;
        }
    }
}
