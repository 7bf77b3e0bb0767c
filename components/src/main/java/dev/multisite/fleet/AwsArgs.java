package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code sites[].aws}: settings only an {@code aws} site has.
 * Getters return null for an absent key.
 */
public final class AwsArgs extends ResourceArgs {

    /**
     * Three zones of the region for the subnets and node groups; default the region's {@code a},
     * {@code b} and {@code c} zones.
     */
    @Import(name = "availabilityZones", required = false)
    private List<String> availabilityZones;

    public AwsArgs() {
    }

    public List<String> availabilityZones() {
        return availabilityZones;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AwsArgs args = new AwsArgs();

        public Builder availabilityZones(List<String> availabilityZones) {
            args.availabilityZones = availabilityZones;
            return this;
        }

        public AwsArgs build() {
            return args;
        }
    }
}
