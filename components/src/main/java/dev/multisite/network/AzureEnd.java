package dev.multisite.network;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.network.LocalNetworkGateway;
import com.pulumi.azurenative.network.LocalNetworkGatewayArgs;
import com.pulumi.azurenative.network.VirtualNetworkGatewayConnection;
import com.pulumi.azurenative.network.VirtualNetworkGatewayConnectionArgs;
import com.pulumi.azurenative.network.VirtualNetworkPeering;
import com.pulumi.azurenative.network.VirtualNetworkPeeringArgs;
import com.pulumi.azurenative.network.inputs.BgpSettingsArgs;
import com.pulumi.azurenative.network.inputs.GatewayCustomBgpIpAddressIpConfigurationArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.multisite.topology.SiteSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An Azure site's end of its links: its active-active VPN gateway (absent where the site
 * terminates no tunnel), the gateway's two public addresses and the VNet for peerings.
 *
 * @see AzureSiteNetwork
 */
public final class AzureEnd extends SiteEnd {
    private final Output<String> subscriptionId;
    private final Output<String> resourceGroupName;
    private final Output<String> virtualNetworkName;
    private final Output<String> virtualNetworkId;
    private final Output<String> gatewayId;
    private final List<Output<String>> publicAddresses;
    private final Resource gateway;

    /**
     * @param gatewayId       null where the site has no VPN gateway
     * @param publicAddresses the gateway instances' addresses, one per {@link AzureSiteNetwork#IP_CONFIGURATIONS} entry
     * @param gateway         the gateway resource where it is in this program (peerings wait for it), else null
     */
    public AzureEnd(SiteSpec spec, Resource parent, Provider azure, Output<String> subscriptionId, Output<String> resourceGroupName,
                    Output<String> virtualNetworkName, Output<String> virtualNetworkId, Output<String> gatewayId,
                    List<Output<String>> publicAddresses, Resource gateway) {
        super(spec, parent, azure);
        this.subscriptionId = subscriptionId;
        this.resourceGroupName = resourceGroupName;
        this.virtualNetworkName = virtualNetworkName;
        this.virtualNetworkId = virtualNetworkId;
        this.gatewayId = gatewayId;
        this.publicAddresses = List.copyOf(publicAddresses);
        this.gateway = gateway;
    }

    /** The gateway and its addresses, where the site terminates tunnels (its VNet is its site's fact). */
    @Override
    public <R> R match(Function<AwsEnd, R> aws, Function<GcpEnd, R> gcp, Function<AzureEnd, R> azure) {
        return azure.apply(this);
    }

    @Override
    public Map<String, Output<?>> facts() {
        return vpnGatewayFacts(gatewayId, () -> Output.all(publicAddresses));
    }

    /**
     * The id of gateway ip configuration {@code instance}, known before the gateway exists (its BGP
     * settings must name its own ip configurations): built from the subscription, the resource group
     * and the gateway's fixed name.
     */
    static Output<String> ipConfigurationId(String site, Output<String> subscriptionId, Output<String> resourceGroupName, int instance) {
        return Output.tuple(subscriptionId, resourceGroupName).applyValue(t -> "/subscriptions/" + t.t1 + "/resourceGroups/" + t.t2
                + "/providers/Microsoft.Network/virtualNetworkGateways/" + site + "-net-vpn-gateway"
                + "/ipConfigurations/" + AzureSiteNetwork.IP_CONFIGURATIONS[instance]);
    }

    /** The public address of gateway instance 0 or 1. */
    Output<String> publicAddress(int instance) {
        return publicAddresses.get(instance);
    }

    /**
     * A tunnel (or an active-active pair of them) to a non-Azure gateway address: the local network
     * gateway describes the far end and its BGP address, the connection carries the key and names
     * which APIPA address of which instance speaks BGP on it.
     */
    void connection(String name, Output<String> remoteAddress, long remoteAsn, String remoteBgpAddress,
                    List<Integer> instances, List<String> localBgpAddresses, Output<String> sharedKey) {
        var local = new LocalNetworkGateway(childName("lng-" + name), LocalNetworkGatewayArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(spec.region())
                .gatewayIpAddress(remoteAddress)
                // No address space: with BGP the far side's ranges are learned, and an APIPA peer needs none.
                .bgpSettings(BgpSettingsArgs.builder().asn((double) remoteAsn).bgpPeeringAddress(remoteBgpAddress).build())
                .build(), options().build());
        List<GatewayCustomBgpIpAddressIpConfigurationArgs> custom = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            custom.add(GatewayCustomBgpIpAddressIpConfigurationArgs.builder()
                    .ipConfigurationId(ipConfigurationId(spec.name(), subscriptionId, resourceGroupName, instances.get(i)))
                    .customBgpIpAddress(localBgpAddresses.get(i)).build());
        }
        new VirtualNetworkGatewayConnection(childName("conn-" + name), VirtualNetworkGatewayConnectionArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(spec.region())
                .connectionType("IPsec")
                .connectionProtocol("IKEv2")
                .virtualNetworkGateway1(com.pulumi.azurenative.network.inputs.VirtualNetworkGatewayArgs.builder().id(gatewayId).build())
                .localNetworkGateway2(com.pulumi.azurenative.network.inputs.LocalNetworkGatewayArgs.builder().id(local.id()).build())
                .enableBgp(true)
                .sharedKey(sharedKey)
                .gatewayCustomBgpIpAddresses(custom)
                .build(), options().build());
    }

    /**
     * This vnet's half of a global VNet peering with {@code other}. A spoke uses its hub's gateway
     * ({@code useRemoteGateways}), the hub lends it ({@code allowGatewayTransit}), so the spoke
     * reaches the other clouds through the hub's tunnels and the hub announces the spoke's range.
     */
    VirtualNetworkPeering peerWith(AzureEnd other, boolean lendGateway, boolean useRemoteGateway, List<Resource> after) {
        return new VirtualNetworkPeering(childName("peer-" + other.spec.name()), VirtualNetworkPeeringArgs.builder()
                .resourceGroupName(resourceGroupName)
                .virtualNetworkName(virtualNetworkName)
                .remoteVirtualNetwork(SubResourceArgs.builder().id(other.virtualNetworkId).build())
                .allowVirtualNetworkAccess(true)
                .allowForwardedTraffic(true)
                .allowGatewayTransit(lendGateway)
                .useRemoteGateways(useRemoteGateway)
                .build(), options().dependsOn(after).build());
    }

    /** Whether this site has its own VPN gateway (it terminates tunnels). */
    boolean hasGateway() {
        return gatewayId != null;
    }

    /** The gateway itself, for peerings that must wait for it; null where it was deployed by another part (or there is none). */
    Resource gatewayResource() {
        return gateway;
    }

    /** One direction of a VNet-to-VNet connection to another Azure site's gateway; BGP on the gateways' own addresses. */
    void vnetToVnet(AzureEnd other, Output<String> sharedKey) {
        new VirtualNetworkGatewayConnection(childName("conn-" + other.spec.name()), VirtualNetworkGatewayConnectionArgs.builder()
                .resourceGroupName(resourceGroupName)
                .location(spec.region())
                .connectionType("Vnet2Vnet")
                .connectionProtocol("IKEv2")
                .virtualNetworkGateway1(com.pulumi.azurenative.network.inputs.VirtualNetworkGatewayArgs.builder().id(gatewayId).build())
                .virtualNetworkGateway2(com.pulumi.azurenative.network.inputs.VirtualNetworkGatewayArgs.builder().id(other.gatewayId).build())
                .enableBgp(true)
                .sharedKey(sharedKey)
                .build(), options().build());
    }
}
