package dev.multisite.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * The links of a graph as they are added, with their IPsec tunnels numbered across the whole graph
 * so that every /30 BGP inside network is unique; and how many tunnels a link between two
 * providers' gateways has.
 */
final class TunnelNumbering {
    final List<InterconnectGraph.Link> links = new ArrayList<>();
    int azureInsideNetworks;
    int otherInsideNetworks;

    void add(SiteSpec a, SiteSpec b, InterconnectGraph.Role role, InterconnectGraph.Preference preference, boolean peering) {
        if (peering) {
            links.add(new InterconnectGraph.Link(a, b, InterconnectGraph.LinkKind.PEERING, role, preference, List.of()));
            return;
        }
        int count = tunnelCount(a.provider(), b.provider());
        if (count == 0) {
            links.add(new InterconnectGraph.Link(a, b, InterconnectGraph.LinkKind.CLOUD_WAN, role, preference, List.of()));
            return;
        }
        boolean gatewayAddresses = a.provider() == CloudProvider.AZURE && b.provider() == CloudProvider.AZURE;
        List<InterconnectGraph.Tunnel> tunnels = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            Cidr inside = null;
            if (!gatewayAddresses && (apipaOnly(a.provider()) || apipaOnly(b.provider()))) {
                int index = Math.min(azureInsideNetworks++, InterconnectGraph.MAX_AZURE_INSIDE_NETWORKS - 1);
                inside = InterconnectGraph.AZURE_INSIDE_RANGES.get(index / InterconnectGraph.PER_RANGE).subnet(30, index % InterconnectGraph.PER_RANGE);
            } else if (!gatewayAddresses) {
                inside = InterconnectGraph.INSIDE_RANGE.subnet(30, otherInsideNetworks++);
            }
            tunnels.add(new InterconnectGraph.Tunnel(t, inside));
        }
        links.add(new InterconnectGraph.Link(a, b, InterconnectGraph.LinkKind.IPSEC_BGP, role, preference, List.copyOf(tunnels)));
    }

    /**
     * IPsec tunnels between two providers' gateways, each gateway redundant: AWS gives two tunnels
     * per VPN connection and needs one connection per remote address (GCP HA VPN and Azure
     * active-active gateways have two); GCP pairs its two interfaces; Azure to Azure is the four
     * tunnels of two active-active gateways. AWS to AWS goes through Cloud WAN: none.
     * {@code a} is the provider declared first in {@link CloudProvider}.
     */
    static int tunnelCount(CloudProvider a, CloudProvider b) {
        // Switch expressions over both ends: a new provider does not compile until each pair is decided.
        return switch (a) {
            case AWS -> switch (b) {
                case AWS -> 0;
                case GCP, AZURE, EXISTING -> 2 * addresses(b);
            };
            case AZURE -> switch (b) {
                case AZURE -> 4;
                case AWS, GCP, EXISTING -> 2;
            };
            case GCP, EXISTING -> 2;
        };
    }

    /**
     * Whether the provider's gateway only answers BGP on APIPA addresses of its own ranges, so the
     * inside networks of its tunnels come from {@link InterconnectGraph#AZURE_INSIDE_RANGES}: Azure's
     * custom BGP addresses must lie in 169.254.21.0 to 169.254.22.255 (Azure VPN Gateway docs, "How
     * to configure BGP", APIPA). The other gateways take any 169.254.0.0/16 /30.
     */
    static boolean apipaOnly(CloudProvider provider) {
        return switch (provider) {
            case AZURE -> true;
            case AWS, GCP, EXISTING -> false;
        };
    }

    /** Public addresses of a site's VPN gateway. */
    static int addresses(CloudProvider provider) {
        return provider.facts().vpnGatewayAddresses();
    }
}
