package dev.multisite.network;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.compute.ExternalVpnGateway;
import com.pulumi.gcp.compute.ExternalVpnGatewayArgs;
import com.pulumi.gcp.compute.NetworkPeering;
import com.pulumi.gcp.compute.NetworkPeeringArgs;
import com.pulumi.gcp.compute.RouterInterface;
import com.pulumi.gcp.compute.RouterInterfaceArgs;
import com.pulumi.gcp.compute.RouterPeer;
import com.pulumi.gcp.compute.RouterPeerArgs;
import com.pulumi.gcp.compute.VPNTunnel;
import com.pulumi.gcp.compute.VPNTunnelArgs;
import com.pulumi.gcp.compute.inputs.ExternalVpnGatewayInterfaceArgs;
import com.pulumi.gcp.compute.inputs.RouterPeerAdvertisedIpRangeArgs;
import com.pulumi.resources.Resource;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A GCP site's end of its links: its HA VPN gateway and Cloud Router (absent where the site
 * terminates no tunnel: a peered spoke uses its hub's) and its VPC network for peerings.
 *
 * @see GcpSiteNetwork
 */
public final class GcpEnd extends SiteEnd {
    public static final String ROUTER_ID = "routerId";
    public static final String ROUTER_NAME = "routerName";

    private final Output<String> networkSelfLink;
    private final Output<String> gatewayId;
    private final Output<List<String>> interfaceAddresses;
    private final Output<String> routerId;
    private final Output<String> routerName;

    /** The gateway, its interface addresses and the router are null where the site terminates no tunnel. */
    public GcpEnd(SiteSpec spec, Resource parent, Provider gcp, Output<String> networkSelfLink, Output<String> gatewayId,
                  Output<List<String>> interfaceAddresses, Output<String> routerId, Output<String> routerName) {
        super(spec, parent, gcp);
        this.networkSelfLink = networkSelfLink;
        this.gatewayId = gatewayId;
        this.interfaceAddresses = interfaceAddresses;
        this.routerId = routerId;
        this.routerName = routerName;
    }

    /** The HA VPN gateway's id, what a GCP peer's tunnels name; null where the site has none. */
    public Output<String> gatewayId() {
        return gatewayId;
    }

    /** The gateway and router, where the site terminates tunnels (its network is its site's fact). */
    @Override
    public <R> R match(Function<AwsEnd, R> aws, Function<GcpEnd, R> gcp, Function<AzureEnd, R> azure) {
        return gcp.apply(this);
    }

    @Override
    public Map<String, Output<?>> facts() {
        Map<String, Output<?>> out = vpnGatewayFacts(gatewayId, () -> interfaceAddresses);
        if (gatewayId != null) {
            out.put(ROUTER_ID, routerId);
            out.put(ROUTER_NAME, routerName);
        }
        return out;
    }

    /**
     * This network's half of a VPC peering with {@code other}: the hub exports its custom (BGP-learned)
     * routes and the spoke imports them, so spokes reach the other clouds through the hub's tunnels.
     * GCP runs one peering operation per network at a time, hence {@code after}.
     */
    NetworkPeering peerWith(GcpEnd other, boolean exportCustom, boolean importCustom, Resource after) {
        var options = options();
        if (after != null) {
            options.dependsOn(after);
        }
        return new NetworkPeering(childName("peer-" + other.spec.name()), NetworkPeeringArgs.builder()
                .network(networkSelfLink)
                .peerNetwork(other.networkSelfLink)
                .exportCustomRoutes(exportCustom)
                .importCustomRoutes(importCustom)
                .build(), options.build());
    }

    /** The public address of HA VPN interface 0 or 1. */
    Output<String> interfaceAddress(int index) {
        return interfaceAddresses.applyValue(list -> list.get(index));
    }

    /** An external (non-GCP) peer gateway with the given addresses. */
    ExternalVpnGateway externalGateway(String peer, List<Output<String>> addresses) {
        String redundancy = switch (addresses.size()) {
            case 1 -> "SINGLE_IP_INTERNALLY_REDUNDANT";
            case 2 -> "TWO_IPS_REDUNDANCY";
            default -> "FOUR_IPS_REDUNDANCY";
        };
        List<ExternalVpnGatewayInterfaceArgs> interfaces = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            interfaces.add(ExternalVpnGatewayInterfaceArgs.builder().id(i).ipAddress(addresses.get(i)).build());
        }
        return new ExternalVpnGateway(childName("peer-" + peer), ExternalVpnGatewayArgs.builder()
                .redundancyType(redundancy)
                .interfaces(interfaces)
                .description("Multisite " + peer + " VPN gateway")
                .build(), options().build());
    }

    /** Where a tunnel's far end is: an external gateway interface, or another GCP HA VPN gateway. */
    record Peer(String site, long asn, ExternalVpnGateway external, int externalInterface, Output<String> gcpGateway) {
    }

    /**
     * One tunnel from HA VPN interface {@code vpnInterface} with its router interface and BGP
     * session; {@code announced} are the ranges the peer receives over this link, with the link's
     * preference as their advertised route priority (the MED; lower wins, default 100:
     * https://cloud.google.com/network-connectivity/docs/router/concepts/advertised-routes), so the
     * peer prefers a primary path and falls back to a backup one when the primary's session drops.
     */
    void tunnel(String name, int vpnInterface, Peer peer, Output<String> sharedSecret, String localAddress, String peerAddress,
                List<Cidr> announced, InterconnectGraph.Preference preference) {
        var args = VPNTunnelArgs.builder()
                .region(spec.region())
                .vpnGateway(gatewayId)
                .vpnGatewayInterface(vpnInterface)
                .sharedSecret(sharedSecret)
                .router(routerId)
                .ikeVersion(2);
        if (peer.external() != null) {
            args.peerExternalGateway(peer.external().id()).peerExternalGatewayInterface(peer.externalInterface());
        } else {
            args.peerGcpGateway(peer.gcpGateway());
        }
        var tunnel = new VPNTunnel(childName(name), args.build(), options().build());
        var routerInterface = new RouterInterface(childName(name), RouterInterfaceArgs.builder()
                .router(routerName)
                .region(spec.region())
                .ipRange(localAddress + "/30")
                .vpnTunnel(tunnel.name())
                .build(), options().build());
        new RouterPeer(childName(name), RouterPeerArgs.builder()
                .router(routerName)
                .region(spec.region())
                .interface_(routerInterface.name())
                .ipAddress(localAddress)
                .peerIpAddress(peerAddress)
                .peerAsn((int) peer.asn())
                .advertiseMode("CUSTOM")
                .advertisedRoutePriority(preference.bgpPriority())
                .advertisedIpRanges(announced.stream().map(c -> RouterPeerAdvertisedIpRangeArgs.builder()
                        .range(c.toString()).build()).toList())
                .build(), options().build());
    }
}
