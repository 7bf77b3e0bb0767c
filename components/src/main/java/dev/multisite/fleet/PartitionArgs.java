package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * One entry of {@code data.partitions[]}: a partition whose writes go to exactly one site.
 * Getters return null for an absent key.
 */
public final class PartitionArgs extends ResourceArgs {

    /** Partition name, e.g. {@code eu}. */
    @Import(name = "name", required = true)
    private String name;

    /** The site that holds the partition's write primary. */
    @Import(name = "authority", required = true)
    private String authority;

    /** Sites that get a read replica of this partition; default none. */
    @Import(name = "replicas", required = false)
    private List<String> replicas;

    public PartitionArgs() {
    }

    public String name() {
        return name;
    }

    public String authority() {
        return authority;
    }

    public List<String> replicas() {
        return replicas;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PartitionArgs args = new PartitionArgs();

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder authority(String authority) {
            args.authority = authority;
            return this;
        }

        public Builder replicas(List<String> replicas) {
            args.replicas = replicas;
            return this;
        }

        public PartitionArgs build() {
            return args;
        }
    }
}
