package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * One entry of {@code sites[].kubernetes.nodePools[]}: a group of identical worker nodes.
 * Getters return null for an absent key.
 */
public final class NodePoolArgs extends ResourceArgs {

    /** {@code [a-z][a-z0-9]{0,11}}, unique within the site (AKS allows no more). */
    @Import(name = "name", required = true)
    private String name;

    /** The provider's machine type, e.g. {@code m6i.large}, {@code e2-standard-4}, {@code Standard_D4s_v5}. */
    @Import(name = "machineType", required = true)
    private String machineType;

    /** Autoscaler floor, at least 1 (GKE: a total over the region's zones). */
    @Import(name = "min", required = true)
    private Integer min;

    /** Autoscaler ceiling, {@code min}..1000. */
    @Import(name = "max", required = true)
    private Integer max;

    public NodePoolArgs() {
    }

    public String name() {
        return name;
    }

    public String machineType() {
        return machineType;
    }

    public Integer min() {
        return min;
    }

    public Integer max() {
        return max;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final NodePoolArgs args = new NodePoolArgs();

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder machineType(String machineType) {
            args.machineType = machineType;
            return this;
        }

        public Builder min(Integer min) {
            args.min = min;
            return this;
        }

        public Builder max(Integer max) {
            args.max = max;
            return this;
        }

        public NodePoolArgs build() {
            return args;
        }
    }
}
