package dev.multisite.network;

import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.PublicIPAddressArgs;
import com.pulumi.azurenative.network.SecurityRule;
import com.pulumi.azurenative.network.SecurityRuleArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetworkGateway;
import com.pulumi.azurenative.network.VirtualNetworkGatewayArgs;
import com.pulumi.azurenative.network.inputs.BgpSettingsArgs;
import com.pulumi.azurenative.network.inputs.IPConfigurationBgpPeeringAddressArgs;
import com.pulumi.azurenative.network.inputs.PublicIPAddressSkuArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.azurenative.network.inputs.VirtualNetworkGatewayIPConfigurationArgs;
import com.pulumi.azurenative.network.inputs.VirtualNetworkGatewaySkuArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.site.AksSite;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * An Azure site's half: a GatewaySubnet in the site's spare address space, an active-active,
 * zone-redundant route-based VPN gateway with BGP (ASN {@code network.asn}, one APIPA address per
 * tunnel that needs one), and rules on the node subnet's security group admitting exactly the
 * mesh ports from remote VPC ranges. Learned BGP routes reach the vnet's route tables by themselves.
 */
public final class AzureSiteNetwork extends SiteNetwork {
    public static final String TYPE = "multisite:network:AzureSiteNetwork";
    public static final String SKU = "VpnGw2AZ";
    static final int FIRST_RULE_PRIORITY = 1000;
    static final String[] IP_CONFIGURATIONS = {"active", "standby-active"};
    /** The gateway's active-active instances, one public address each. */
    public static final int INSTANCES = IP_CONFIGURATIONS.length;

    private final AksSite aks;
    private final VirtualNetworkGateway gateway;
    private final List<PublicIPAddress> addresses = new ArrayList<>();
    private final Output<String> subscriptionId;

    AzureSiteNetwork(AksSite aks, InterconnectGraph graph, List<InterSitePort> ports) {
        super(TYPE, aks, graph);
        this.aks = aks;
        this.subscriptionId = aks.subscriptionId();
        Cidr vpc = aks.spec().network().vpcCidr();
        this.gateway = graph.hasTunnels(aks.name()) ? gateway(vpc) : null;
        List<String> sources = remoteNodeRanges();
        for (int i = 0; i < ports.size(); i++) {
            InterSitePort port = ports.get(i);
            boolean icmp = port.isIcmp();
            new SecurityRule(childName("from-sites-" + port.key()), SecurityRuleArgs.builder()
                    .resourceGroupName(aks.resourceGroupName())
                    .networkSecurityGroupName(aks.nodeSecurityGroupName())
                    .securityRuleName("multisite-" + port.purpose())
                    .priority(FIRST_RULE_PRIORITY + i)
                    .direction("Inbound")
                    .access("Allow")
                    .protocol(icmp ? "Icmp" : port.protocol().equals("tcp") ? "Tcp" : "Udp")
                    .sourceAddressPrefixes(sources)
                    .sourcePortRange("*")
                    .destinationAddressPrefix(vpc.toString())
                    .destinationPortRange(icmp ? "*" : String.valueOf(port.port()))
                    .description(port.purpose() + " from remote Multisite sites")
                    .build(), onAzure());
        }
        gateway(gateway == null ? Output.of("") : gateway.id());
    }

    /** The GatewaySubnet, two zone-redundant public addresses and the active-active VPN gateway. */
    private VirtualNetworkGateway gateway(Cidr vpc) {
        var gatewaySubnet = new Subnet(childName("gateway-subnet"), SubnetArgs.builder()
                .resourceGroupName(aks.resourceGroupName())
                .virtualNetworkName(aks.virtualNetworkName())
                // Azure requires exactly this name for the subnet of a virtual network gateway.
                .subnetName("GatewaySubnet")
                .addressPrefix(vpc.subnet(vpc.prefixLength() + 4, 15).toString())
                .build(), CustomResourceOptions.builder().parent(this).provider(aks.azureProvider()).dependsOn(aks.lastSubnet()).build());
        aks.addSubnet(gatewaySubnet);
        List<VirtualNetworkGatewayIPConfigurationArgs> ipConfigurations = new ArrayList<>();
        List<IPConfigurationBgpPeeringAddressArgs> bgpAddresses = new ArrayList<>();
        for (int i = 0; i < IP_CONFIGURATIONS.length; i++) {
            var address = new PublicIPAddress(childName("vpn-ip-" + i), PublicIPAddressArgs.builder()
                    .resourceGroupName(aks.resourceGroupName())
                    .location(aks.region())
                    .sku(PublicIPAddressSkuArgs.builder().name("Standard").tier("Regional").build())
                    .publicIPAllocationMethod("Static")
                    .zones("1", "2", "3")
                    .build(), onAzure());
            addresses.add(address);
            ipConfigurations.add(VirtualNetworkGatewayIPConfigurationArgs.builder()
                    .name(IP_CONFIGURATIONS[i])
                    .privateIPAllocationMethod("Dynamic")
                    .subnet(SubResourceArgs.builder().id(gatewaySubnet.id()).build())
                    .publicIPAddress(SubResourceArgs.builder().id(address.id()).build())
                    .build());
            bgpAddresses.add(IPConfigurationBgpPeeringAddressArgs.builder()
                    .ipconfigurationId(ipConfigurationId(i))
                    .customBgpIpAddresses(apipaAddresses(i))
                    .build());
        }
        return new VirtualNetworkGateway(childName("vpn-gateway"), VirtualNetworkGatewayArgs.builder()
                .virtualNetworkGatewayName(childName("vpn-gateway"))
                .resourceGroupName(aks.resourceGroupName())
                .location(aks.region())
                .gatewayType("Vpn")
                .vpnType("RouteBased")
                .vpnGatewayGeneration("Generation2")
                .sku(VirtualNetworkGatewaySkuArgs.builder().name(SKU).tier(SKU).build())
                .activeActive(true)
                .enableBgp(true)
                .bgpSettings(BgpSettingsArgs.builder().asn((double) aks.spec().asn()).bgpPeeringAddresses(bgpAddresses).build())
                .ipConfigurations(ipConfigurations)
                .build(), onAzure());
    }

    /**
     * The APIPA addresses gateway instance {@code instance} answers BGP on: this side's address of
     * every tunnel it terminates. AWS sends two tunnels to each instance (connection {@code j} to
     * address {@code j}); every other peer pairs its tunnel {@code k} with instance {@code k}.
     */
    private List<String> apipaAddresses(int instance) {
        List<String> out = new ArrayList<>();
        for (var link : graph.linksOf(site.name())) {
            for (var tunnel : link.tunnels()) {
                if (tunnel.inside() != null && instanceOf(link, tunnel) == instance) {
                    out.add(localAddress(link, tunnel));
                }
            }
        }
        return out;
    }

    static int instanceOf(InterconnectGraph.Link link, InterconnectGraph.Tunnel tunnel) {
        // A switch expression over side a (the far end when it is not this Azure site): a new
        // provider does not compile until its tunnels are paired with the gateway's instances.
        return switch (link.a().provider()) {
            case AWS -> tunnel.index() / 2;
            case GCP, AZURE, EXISTING -> tunnel.index() % 2;
        };
    }

    private String localAddress(InterconnectGraph.Link link, InterconnectGraph.Tunnel tunnel) {
        return link.a().name().equals(site.name()) ? tunnel.aAddress() : tunnel.bAddress();
    }

    /** The id of this gateway's ip configuration {@code instance} (see {@link AzureEnd#ipConfigurationId}). */
    private Output<String> ipConfigurationId(int instance) {
        return AzureEnd.ipConfigurationId(site.name(), subscriptionId, aks.resourceGroupName(), instance);
    }

    /** This site's end of its links (connections, peerings), under this half. */
    @Override
    public AzureEnd end() {
        return new AzureEnd(aks.spec(), this, aks.azureProvider(), subscriptionId, aks.resourceGroupName(), aks.virtualNetworkName(),
                aks.virtualNetworkId(), gateway == null ? null : gateway.id(),
                addresses.stream().map(a -> a.ipAddress().applyValue(ip -> ip.orElseThrow())).toList(),
                gateway);
    }

    private CustomResourceOptions onAzure() {
        return CustomResourceOptions.builder().parent(this).provider(aks.azureProvider()).build();
    }
}
