package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * The top-level {@code network} block: how the sites reach each other privately.
 * Getters return null for an absent key.
 */
public final class NetworkArgs extends ResourceArgs {

    /** Absent means the defaults (enabled). */
    @Import(name = "interconnect", required = false)
    private InterconnectArgs interconnect;

    public NetworkArgs() {
    }

    public InterconnectArgs interconnect() {
        return interconnect;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final NetworkArgs args = new NetworkArgs();

        public Builder interconnect(InterconnectArgs interconnect) {
            args.interconnect = interconnect;
            return this;
        }

        public NetworkArgs build() {
            return args;
        }
    }
}
