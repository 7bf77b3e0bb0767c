package dev.multisite.topology;

import java.util.Map;

/**
 * {@code network.interconnect}: private, routed links between every pair of sites, laid out as
 * regional hubs so that the number of links and tunnels grows linearly with the number of sites.
 *
 * <p>Each cloud provider that has sites gets one hub site. Hubs of different providers are joined
 * pairwise by IPsec VPN with BGP (at most three such links). Every other cloud site attaches to its
 * provider's hub: AWS sites by Transit Gateway inter-region peering, GCP sites by HA VPN, Azure
 * sites by VNet-to-VNet VPN (both transitive through the hub, unlike VPC / VNet peering). Each
 * {@code existing} site reaches one or more hubs over IPsec with BGP from its own VPN device.
 *
 * @param enabled default true; false builds no inter-site network (then the mesh apiservers must
 *                be exposed some other way)
 * @param hubs    the hub site per provider ({@code aws}, {@code gcp}, {@code azure} to a site name);
 *                default: the first declared site of each provider
 * @param sameProviderLinks how the sites of one provider are joined, per provider ({@code gcp},
 *                {@code azure}): {@code vpn} (default; spokes to the hub over IPsec, linear) or
 *                {@code peering} (VPC / global VNet peering between every two sites of the
 *                provider, no tunnels, the hub's gateway shared through the peering; quadratic in
 *                that provider's sites, as peering is not transitive)
 */
public record InterconnectSettings(Boolean enabled, Map<String, String> hubs, Map<String, String> sameProviderLinks) {
    public static final String VPN = "vpn";
    public static final String PEERING = "peering";

    public InterconnectSettings {
        enabled = enabled == null || enabled;
        hubs = hubs == null ? Map.of() : Map.copyOf(hubs);
        sameProviderLinks = sameProviderLinks == null ? Map.of() : Map.copyOf(sameProviderLinks);
    }

    public static InterconnectSettings defaults() {
        return new InterconnectSettings(null, null, null);
    }

    /** Whether the sites of {@code provider} are joined by peering rather than spoke VPNs. */
    public boolean peers(CloudProvider provider) {
        return PEERING.equals(sameProviderLinks.get(provider.key()));
    }
}
