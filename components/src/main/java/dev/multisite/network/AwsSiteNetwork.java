package dev.multisite.network;

import com.pulumi.aws.ec2.CustomerGateway;
import com.pulumi.aws.ec2.CustomerGatewayArgs;
import com.pulumi.aws.ec2.ManagedPrefixList;
import com.pulumi.aws.ec2.ManagedPrefixListArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.VpnConnection;
import com.pulumi.aws.ec2.VpnConnectionArgs;
import com.pulumi.aws.ec2.inputs.ManagedPrefixListEntryArgs;
import com.pulumi.aws.ec2transitgateway.PolicyTable;
import com.pulumi.aws.ec2transitgateway.PolicyTableArgs;
import com.pulumi.aws.ec2transitgateway.PolicyTableAssociation;
import com.pulumi.aws.ec2transitgateway.PolicyTableAssociationArgs;
import com.pulumi.aws.ec2transitgateway.TransitGateway;
import com.pulumi.aws.ec2transitgateway.TransitGatewayArgs;
import com.pulumi.aws.ec2transitgateway.VpcAttachment;
import com.pulumi.aws.ec2transitgateway.VpcAttachmentArgs;
import com.pulumi.aws.networkmanager.TransitGatewayPeering;
import com.pulumi.aws.networkmanager.TransitGatewayPeeringArgs;
import com.pulumi.aws.networkmanager.TransitGatewayRouteTableAttachment;
import com.pulumi.aws.networkmanager.TransitGatewayRouteTableAttachmentArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.EksSite;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph.Tunnel;
import dev.multisite.topology.InterconnectGraph;

import java.util.List;

/**
 * An AWS site's half: a Transit Gateway (the site's BGP speaker, ASN {@code network.asn}) with the
 * VPC attached, a managed prefix list of every remote range routed from each private route table
 * to the Transit Gateway, static Transit Gateway routes for the site's own pod and service ranges,
 * and ingress rules on the node security group for the mesh ports from remote VPC ranges only.
 * Where the stack has two or more AWS sites, the Transit Gateway joins the stack's {@link CloudWan}
 * and learns every other range dynamically.
 */
public final class AwsSiteNetwork extends SiteNetwork {
    public static final String TYPE = "multisite:network:AwsSiteNetwork";

    private final EksSite eks;
    private final TransitGateway transitGateway;

    AwsSiteNetwork(EksSite eks, InterconnectGraph graph, List<InterSitePort> ports) {
        super(TYPE, eks, graph);
        this.eks = eks;
        this.transitGateway = new TransitGateway(childName("tgw"), TransitGatewayArgs.builder()
                .description("Multisite " + eks.name() + " interconnect")
                .amazonSideAsn((int) eks.spec().asn())
                .defaultRouteTableAssociation("enable")
                .defaultRouteTablePropagation("enable")
                .vpnEcmpSupport("enable")
                .dnsSupport("enable")
                .build(), onAws());
        var vpcAttachment = new VpcAttachment(childName("tgw-vpc"), VpcAttachmentArgs.builder()
                .transitGatewayId(transitGateway.id())
                .vpcId(eks.vpcId())
                .subnetIds(Output.all(eks.privateSubnetIds()))
                .build(), onAws());
        var remoteRanges = prefixList("remote-ranges", graph.routes(eks.name()));
        var remoteNodes = prefixList("remote-nodes", remoteNodeRoutes());

        var routeTables = eks.privateRouteTableIds();
        for (int i = 0; i < routeTables.size(); i++) {
            new Route(childName("to-sites-" + i), RouteArgs.builder()
                    .routeTableId(routeTables.get(i))
                    .destinationPrefixListId(remoteRanges.id())
                    .transitGatewayId(transitGateway.id())
                    .build(), after(vpcAttachment));
        }
        var own = eks.spec().network();
        for (Cidr range : List.of(own.podCidr(), own.serviceCidr())) {
            transitGatewayRoute("own-" + nameOf(range), range, vpcAttachment.id());
        }
        for (InterSitePort port : ports) {
            boolean icmp = port.isIcmp();
            new SecurityGroupIngressRule(childName("from-sites-" + port.key()), SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(eks.nodeSecurityGroupId())
                    .prefixListId(remoteNodes.id())
                    .ipProtocol(port.protocol())
                    .fromPort(icmp ? 8 : port.port())
                    .toPort(icmp ? 0 : port.port())
                    .description(port.purpose() + " from remote Multisite sites")
                    .build(), onAws());
        }
        gateway(transitGateway.id());
    }

    /** A prefix list of the routes' destinations, each described by the site that owns it. */
    private ManagedPrefixList prefixList(String role, List<InterconnectGraph.Route> routes) {
        List<ManagedPrefixListEntryArgs> entries = routes.stream().map(r -> ManagedPrefixListEntryArgs.builder()
                .cidr(r.destination().toString()).description(r.owner()).build()).toList();
        return new ManagedPrefixList(childName(role), ManagedPrefixListArgs.builder()
                .name(childName(role))
                .addressFamily("IPv4")
                .maxEntries(Math.max(1, entries.size()))
                .entries(entries)
                .build(), onAws());
    }

    private void transitGatewayRoute(String role, Cidr destination, Output<String> attachmentId) {
        new com.pulumi.aws.ec2transitgateway.Route(childName(role), com.pulumi.aws.ec2transitgateway.RouteArgs.builder()
                .destinationCidrBlock(destination.toString())
                .transitGatewayAttachmentId(attachmentId)
                .transitGatewayRouteTableId(transitGateway.associationDefaultRouteTableId())
                .build(), onAws());
    }

    /** A range as a resource-name part: {@code 100.65.0.0/16} -> {@code 100-65-0-0-16}. */
    private static String nameOf(Cidr range) {
        return range.toString().replace('/', '-').replace('.', '-');
    }

    /**
     * Joins this site's Transit Gateway to the stack's Cloud WAN: a peering with the core network
     * edge of its region, the Transit Gateway policy table AWS requires on that peering attachment,
     * and a route table attachment that exchanges the default route table's routes (the VPC, the
     * site's own pod and service routes, everything BGP learns over the VPN attachments) with the
     * core network's segment. Wiring as in AWS's Cloud WAN peering guide
     * (https://docs.aws.amazon.com/vpc/latest/cloudwan/cloudwan-peerings.html) and the Terraform
     * provider's acceptance test for route table attachments.
     */
    void attachTo(CloudWan wan) {
        var policyTable = new PolicyTable(childName("wan-policy"), PolicyTableArgs.builder()
                .transitGatewayId(transitGateway.id()).build(), onAws());
        var peering = new TransitGatewayPeering(childName("wan-peering"), TransitGatewayPeeringArgs.builder()
                .coreNetworkId(wan.coreNetworkId())
                .transitGatewayArn(transitGateway.arn()).build(), wan.options(this, policyTable));
        var association = new PolicyTableAssociation(childName("wan-policy-assoc"), PolicyTableAssociationArgs.builder()
                .transitGatewayAttachmentId(peering.transitGatewayPeeringAttachmentId())
                .transitGatewayPolicyTableId(policyTable.id()).build(), onAws());
        new TransitGatewayRouteTableAttachment(childName("wan-routes"), TransitGatewayRouteTableAttachmentArgs.builder()
                .peeringId(peering.id())
                // The route table's ARN, as the API documents it: arn:aws:ec2:<region>:<account>:transit-gateway-route-table/tgw-rtb-...
                // (https://docs.aws.amazon.com/networkmanager/latest/APIReference/API_TransitGatewayRouteTableAttachment.html).
                .transitGatewayRouteTableArn(Output.format("arn:aws:ec2:%s:%s:transit-gateway-route-table/%s",
                        site.region(), transitGateway.ownerId(), transitGateway.associationDefaultRouteTableId()))
                .build(), wan.options(this, association));
    }

    /**
     * One VPN connection (two tunnels) from this Transit Gateway to one remote gateway address,
     * with BGP on the given inside networks (this side takes .1 of each).
     */
    VpnConnection vpnTo(String peer, int index, Output<String> remoteAddress, long remoteAsn, Tunnel first, Tunnel second,
                        Output<String> firstKey, Output<String> secondKey) {
        var customerGateway = new CustomerGateway(childName("cgw-" + peer + "-" + index), CustomerGatewayArgs.builder()
                .ipAddress(remoteAddress)
                .bgpAsn(String.valueOf(remoteAsn))
                .type("ipsec.1")
                .build(), onAws());
        return new VpnConnection(childName("vpn-" + peer + "-" + index), VpnConnectionArgs.builder()
                .transitGatewayId(transitGateway.id())
                .customerGatewayId(customerGateway.id())
                .type("ipsec.1")
                .staticRoutesOnly(false)
                .tunnel1InsideCidr(first.inside().toString())
                .tunnel2InsideCidr(second.inside().toString())
                .tunnel1PresharedKey(firstKey)
                .tunnel2PresharedKey(secondKey)
                .tunnel1IkeVersions("ikev2")
                .tunnel2IkeVersions("ikev2")
                .build(), onAws());
    }

    private CustomResourceOptions onAws() {
        return CustomResourceOptions.builder().parent(this).provider(eks.awsProvider()).build();
    }

    private CustomResourceOptions after(Resource... dependencies) {
        return CustomResourceOptions.builder().parent(this).provider(eks.awsProvider()).dependsOn(dependencies).build();
    }
}
