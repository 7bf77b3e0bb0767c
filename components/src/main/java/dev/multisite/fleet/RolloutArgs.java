package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code gitops.rollout}: a progressive sync over site groups.
 * Getters return null for an absent key.
 */
public final class RolloutArgs extends ResourceArgs {

    /** Site groups, synced one after the other; each site in exactly one group. */
    @Import(name = "order", required = false)
    private List<List<String>> order;

    /** How long a group must stay healthy before the next one starts; default 15. */
    @Import(name = "bakeMinutes", required = false)
    private Integer bakeMinutes;

    public RolloutArgs() {
    }

    public List<List<String>> order() {
        return order;
    }

    public Integer bakeMinutes() {
        return bakeMinutes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RolloutArgs args = new RolloutArgs();

        public Builder order(List<List<String>> order) {
            args.order = order;
            return this;
        }

        public Builder bakeMinutes(Integer bakeMinutes) {
            args.bakeMinutes = bakeMinutes;
            return this;
        }

        public RolloutArgs build() {
            return args;
        }
    }
}
