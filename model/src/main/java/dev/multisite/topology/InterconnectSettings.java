package dev.multisite.topology;

import java.util.List;
import java.util.Map;

/**
 * {@code network.interconnect}: private, routed links between every pair of sites, laid out as
 * regional hubs so that the number of links and tunnels grows linearly with the number of sites,
 * with two hubs per provider so that no single site's loss cuts other sites off.
 *
 * <p>Each cloud provider with two or more sites gets two hub sites in different regions (a
 * provider with one site: that site). Hubs of different providers are joined hub by hub (first to
 * first, second to second) by IPsec VPN with BGP. Every other cloud site attaches to both hubs of
 * its provider and prefers the first. Each {@code existing} site reaches hubs of two providers over
 * IPsec with BGP from its own VPN device. See {@link InterconnectGraph}.
 *
 * @param enabled default true; false builds no inter-site network (then the mesh apiservers must
 *                be exposed some other way)
 * @param hubs    the hub sites per provider ({@code aws}, {@code gcp}, {@code azure} to a list of one
 *                or two site names, the preferred first); default: the provider's first declared
 *                site, then its first site in another region
 * @param sameProviderLinks how the sites of one provider are joined, per provider ({@code gcp},
 *                {@code azure}): {@code vpn} (default; spokes to both hubs over IPsec, linear) or
 *                {@code peering} (VPC / global VNet peering between every two sites of the
 *                provider, no tunnels, the hubs' gateways shared through the peering; quadratic in
 *                that provider's sites, as peering is not transitive)
 * @param waivers accepted shared fate, site name to the reason: losing that site's region may cut
 *                other sites off (or takes both hubs of its provider). Without a waiver such a
 *                topology is refused; with one, the plan and {@code check} list what it cuts.
 */
public record InterconnectSettings(Boolean enabled, Map<String, List<String>> hubs, Map<String, String> sameProviderLinks,
                                   Map<String, String> waivers) {
    public static final String VPN = "vpn";
    public static final String PEERING = "peering";
    /**
     * How every shared-fate refusal ends, naming the site to waive: {@code <this><site>: <reason>}.
     * The policy pack finds those refusals among the parser's problems by it.
     */
    public static final String WAIVER_HINT = "accept it with network.interconnect.waivers.";

    public InterconnectSettings {
        enabled = enabled == null || enabled;
        hubs = hubs == null ? Map.of() : Map.copyOf(hubs);
        sameProviderLinks = sameProviderLinks == null ? Map.of() : Map.copyOf(sameProviderLinks);
        waivers = waivers == null ? Map.of() : Map.copyOf(waivers);
    }

    public static InterconnectSettings defaults() {
        return new InterconnectSettings(null, null, null, null);
    }

    /** Whether the sites of {@code provider} are joined by peering rather than spoke VPNs. */
    public boolean peers(CloudProvider provider) {
        return PEERING.equals(sameProviderLinks.get(provider.key()));
    }

    /** Whether losing {@code site}'s region is an accepted shared fate. */
    public boolean waives(String site) {
        return waivers.containsKey(site);
    }
}
