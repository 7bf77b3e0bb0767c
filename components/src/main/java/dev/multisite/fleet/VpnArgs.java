package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code sites[].existing.vpn}: the on-premises VPN device of an existing site.
 * Getters return null for an absent key.
 */
public final class VpnArgs extends ResourceArgs {

    /** The device's static public IPv4 address; required while the interconnect is enabled. */
    @Import(name = "publicIp", required = false)
    private String publicIp;

    /**
     * Hub sites the device keeps tunnels to; default the first hub of each provider (with one
     * provider: both its hubs).
     */
    @Import(name = "attachTo", required = false)
    private List<String> attachTo;

    public VpnArgs() {
    }

    public String publicIp() {
        return publicIp;
    }

    public List<String> attachTo() {
        return attachTo;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final VpnArgs args = new VpnArgs();

        public Builder publicIp(String publicIp) {
            args.publicIp = publicIp;
            return this;
        }

        public Builder attachTo(List<String> attachTo) {
            args.attachTo = attachTo;
            return this;
        }

        public VpnArgs build() {
            return args;
        }
    }
}
