package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code sites[].kubernetes}: the cluster's version, API access and node pools.
 * Getters return null for an absent key.
 */
public final class KubernetesArgs extends ResourceArgs {

    /** Control plane version, a string such as {@code "1.31"}. */
    @Import(name = "version", required = true)
    private String version;

    /** CIDRs that may reach the public API endpoint; required for cloud sites. */
    @Import(name = "apiAccessCidrs", required = false)
    private List<String> apiAccessCidrs;

    /** At least one for cloud sites (the first is the AKS system pool); ignored for existing sites. */
    @Import(name = "nodePools", required = false)
    private List<NodePoolArgs> nodePools;

    public KubernetesArgs() {
    }

    public String version() {
        return version;
    }

    public List<String> apiAccessCidrs() {
        return apiAccessCidrs;
    }

    public List<NodePoolArgs> nodePools() {
        return nodePools;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final KubernetesArgs args = new KubernetesArgs();

        public Builder version(String version) {
            args.version = version;
            return this;
        }

        public Builder apiAccessCidrs(List<String> apiAccessCidrs) {
            args.apiAccessCidrs = apiAccessCidrs;
            return this;
        }

        public Builder nodePools(List<NodePoolArgs> nodePools) {
            args.nodePools = nodePools;
            return this;
        }

        public KubernetesArgs build() {
            return args;
        }
    }
}
