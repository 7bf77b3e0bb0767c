package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code sites[].mesh}: the site's identity in Cilium Cluster Mesh.
 * Getters return null for an absent key.
 */
public final class SiteMeshArgs extends ResourceArgs {

    /** Cilium's {@code cluster.id}: 1..255, unique across the stack. */
    @Import(name = "clusterId", required = true)
    private Integer clusterId;

    public SiteMeshArgs() {
    }

    public Integer clusterId() {
        return clusterId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SiteMeshArgs args = new SiteMeshArgs();

        public Builder clusterId(Integer clusterId) {
            args.clusterId = clusterId;
            return this;
        }

        public SiteMeshArgs build() {
            return args;
        }
    }
}
