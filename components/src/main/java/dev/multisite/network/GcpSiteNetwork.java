package dev.multisite.network;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.ExternalVpnGateway;
import com.pulumi.gcp.compute.ExternalVpnGatewayArgs;
import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.FirewallArgs;
import com.pulumi.gcp.compute.HaVpnGateway;
import com.pulumi.gcp.compute.HaVpnGatewayArgs;
import com.pulumi.gcp.compute.NetworkPeering;
import com.pulumi.gcp.compute.NetworkPeeringArgs;
import com.pulumi.gcp.compute.Router;
import com.pulumi.gcp.compute.RouterArgs;
import com.pulumi.gcp.compute.RouterInterface;
import com.pulumi.gcp.compute.RouterInterfaceArgs;
import com.pulumi.gcp.compute.RouterPeer;
import com.pulumi.gcp.compute.RouterPeerArgs;
import com.pulumi.gcp.compute.VPNTunnel;
import com.pulumi.gcp.compute.VPNTunnelArgs;
import com.pulumi.gcp.compute.inputs.ExternalVpnGatewayInterfaceArgs;
import com.pulumi.gcp.compute.inputs.FirewallAllowArgs;
import com.pulumi.gcp.compute.inputs.RouterBgpArgs;
import com.pulumi.gcp.compute.inputs.RouterPeerAdvertisedIpRangeArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.GkeSite;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GCP site's half: an HA VPN gateway (two interfaces) and a Cloud Router with the site's ASN in
 * the site's VPC (where the site terminates tunnels; a peered spoke uses its hub's), VPC peerings,
 * and one firewall rule admitting exactly the mesh ports from remote VPC ranges.
 * Cloud Router does not pass routes learned from one peer on to another, so every BGP session
 * announces exactly the ranges the peer routes through this site, in normal operation or after
 * the loss of any one region (custom advertisement; "Unless you configure custom advertisement
 * mode, a Cloud Router only advertises VPC subnet routes":
 * https://cloud.google.com/network-connectivity/docs/router/concepts/overview).
 */
public final class GcpSiteNetwork extends SiteNetwork {
    public static final String TYPE = "multisite:network:GcpSiteNetwork";

    private final GkeSite gke;
    private final HaVpnGateway gateway;
    private final Router router;

    GcpSiteNetwork(GkeSite gke, InterconnectGraph graph, List<InterSitePort> ports) {
        super(TYPE, gke, graph);
        this.gke = gke;
        boolean tunnels = graph.hasTunnels(gke.name());
        this.gateway = !tunnels ? null : new HaVpnGateway(childName("ha-vpn"), HaVpnGatewayArgs.builder()
                .network(gke.networkId())
                .region(gke.region())
                .build(), onGcp());
        this.router = !tunnels ? null : new Router(childName("bgp"), RouterArgs.builder()
                .network(gke.networkId())
                .region(gke.region())
                .bgp(RouterBgpArgs.builder().asn((int) gke.spec().asn()).build())
                .build(), onGcp());
        if (!ports.isEmpty()) {
            Map<String, List<String>> byProtocol = new LinkedHashMap<>();
            ports.forEach(p -> byProtocol.computeIfAbsent(p.protocol(), k -> new ArrayList<>())
                    .addAll(p.isIcmp() ? List.of() : List.of(String.valueOf(p.port()))));
            new Firewall(childName("from-sites"), FirewallArgs.builder()
                    .network(gke.networkId())
                    .direction("INGRESS")
                    .description("Multisite mesh ports from remote sites' VPC ranges")
                    .sourceRanges(remoteNodeRanges())
                    .allows(byProtocol.entrySet().stream().map(e -> FirewallAllowArgs.builder()
                            .protocol(e.getKey()).ports(e.getValue()).build()).toList())
                    .build(), onGcp());
        }
        gateway(gateway == null ? Output.of("") : gateway.id());
    }

    /**
     * This network's half of a VPC peering with {@code other}: the hub exports its custom (BGP-learned)
     * routes and the spoke imports them, so spokes reach the other clouds through the hub's tunnels.
     * GCP runs one peering operation per network at a time, hence {@code after}.
     */
    NetworkPeering peerWith(GcpSiteNetwork other, boolean exportCustom, boolean importCustom, Resource after) {
        var options = CustomResourceOptions.builder().parent(this).provider(gke.gcpProvider());
        if (after != null) {
            options.dependsOn(after);
        }
        return new NetworkPeering(childName("peer-" + other.site.name()), NetworkPeeringArgs.builder()
                .network(gke.networkSelfLink())
                .peerNetwork(other.gke.networkSelfLink())
                .exportCustomRoutes(exportCustom)
                .importCustomRoutes(importCustom)
                .build(), options.build());
    }

    /** The public address of HA VPN interface 0 or 1. */
    Output<String> interfaceAddress(int index) {
        return gateway.vpnInterfaces().applyValue(list -> list.get(index).ipAddress().orElseThrow());
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
                .build(), onGcp());
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
                .region(gke.region())
                .vpnGateway(gateway.id())
                .vpnGatewayInterface(vpnInterface)
                .sharedSecret(sharedSecret)
                .router(router.id())
                .ikeVersion(2);
        if (peer.external() != null) {
            args.peerExternalGateway(peer.external().id()).peerExternalGatewayInterface(peer.externalInterface());
        } else {
            args.peerGcpGateway(peer.gcpGateway());
        }
        var tunnel = new VPNTunnel(childName(name), args.build(), onGcp());
        var routerInterface = new RouterInterface(childName(name), RouterInterfaceArgs.builder()
                .router(router.name())
                .region(gke.region())
                .ipRange(localAddress + "/30")
                .vpnTunnel(tunnel.name())
                .build(), onGcp());
        new RouterPeer(childName(name), RouterPeerArgs.builder()
                .router(router.name())
                .region(gke.region())
                .interface_(routerInterface.name())
                .ipAddress(localAddress)
                .peerIpAddress(peerAddress)
                .peerAsn((int) peer.asn())
                .advertiseMode("CUSTOM")
                .advertisedRoutePriority(preference.bgpPriority())
                .advertisedIpRanges(announced.stream().map(c -> RouterPeerAdvertisedIpRangeArgs.builder()
                        .range(c.toString()).build()).toList())
                .build(), onGcp());
    }

    private CustomResourceOptions onGcp() {
        return CustomResourceOptions.builder().parent(this).provider(gke.gcpProvider()).build();
    }
}
