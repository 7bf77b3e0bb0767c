package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * {@code network.interconnect}: routed, encrypted links between the sites, laid out as two hubs
 * per provider.
 * Getters return null for an absent key.
 */
public final class InterconnectArgs extends ResourceArgs {

    /**
     * Default true; false builds no inter-site network (then {@code mesh.apiserverExposure} must be
     * {@code nodeport}).
     */
    @Import(name = "enabled", required = false)
    private Boolean enabled;

    /**
     * Provider ({@code aws}, {@code gcp}, {@code azure}) to one or two hub site names, the preferred
     * first; default the provider's first declared site, then its first site in another region.
     */
    @Import(name = "hubs", required = false)
    private Map<String, List<String>> hubs;

    /** Provider ({@code gcp}, {@code azure}) to {@code vpn} (default) or {@code peering}. */
    @Import(name = "sameProviderLinks", required = false)
    private Map<String, String> sameProviderLinks;

    /** Site name to the reason its region's loss is an accepted shared fate; default none. */
    @Import(name = "waivers", required = false)
    private Map<String, String> waivers;

    public InterconnectArgs() {
    }

    public Boolean enabled() {
        return enabled;
    }

    public Map<String, List<String>> hubs() {
        return hubs;
    }

    public Map<String, String> sameProviderLinks() {
        return sameProviderLinks;
    }

    public Map<String, String> waivers() {
        return waivers;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final InterconnectArgs args = new InterconnectArgs();

        public Builder enabled(Boolean enabled) {
            args.enabled = enabled;
            return this;
        }

        public Builder hubs(Map<String, List<String>> hubs) {
            args.hubs = hubs;
            return this;
        }

        public Builder sameProviderLinks(Map<String, String> sameProviderLinks) {
            args.sameProviderLinks = sameProviderLinks;
            return this;
        }

        public Builder waivers(Map<String, String> waivers) {
            args.waivers = waivers;
            return this;
        }

        public InterconnectArgs build() {
            return args;
        }
    }
}
