package dev.multisite.network;

import com.pulumi.aws.ec2.ManagedPrefixList;
import com.pulumi.aws.ec2.ManagedPrefixListArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.inputs.ManagedPrefixListEntryArgs;
import com.pulumi.aws.ec2transitgateway.TransitGateway;
import com.pulumi.aws.ec2transitgateway.TransitGatewayArgs;
import com.pulumi.aws.ec2transitgateway.VpcAttachment;
import com.pulumi.aws.ec2transitgateway.VpcAttachmentArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.EksSite;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.InterSitePort;
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
                .subnetIds(eks.privateSubnets())
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

    /** This site's end of its links (VPN connections, the Cloud WAN attachment), under this half. */
    @Override
    public AwsEnd end() {
        return new AwsEnd(eks.spec(), this, eks.awsProvider(), transitGateway.id(), transitGateway.arn(), transitGateway.ownerId(),
                transitGateway.associationDefaultRouteTableId());
    }

    private CustomResourceOptions onAws() {
        return CustomResourceOptions.builder().parent(this).provider(eks.awsProvider()).build();
    }

    private CustomResourceOptions after(Resource... dependencies) {
        return CustomResourceOptions.builder().parent(this).provider(eks.awsProvider()).dependsOn(dependencies).build();
    }
}
