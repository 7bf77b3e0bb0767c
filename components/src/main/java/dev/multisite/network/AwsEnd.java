package dev.multisite.network;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ec2.CustomerGateway;
import com.pulumi.aws.ec2.CustomerGatewayArgs;
import com.pulumi.aws.ec2.VpnConnection;
import com.pulumi.aws.ec2.VpnConnectionArgs;
import com.pulumi.aws.ec2transitgateway.PolicyTable;
import com.pulumi.aws.ec2transitgateway.PolicyTableArgs;
import com.pulumi.aws.ec2transitgateway.PolicyTableAssociation;
import com.pulumi.aws.ec2transitgateway.PolicyTableAssociationArgs;
import com.pulumi.aws.networkmanager.TransitGatewayPeering;
import com.pulumi.aws.networkmanager.TransitGatewayPeeringArgs;
import com.pulumi.aws.networkmanager.TransitGatewayRouteTableAttachment;
import com.pulumi.aws.networkmanager.TransitGatewayRouteTableAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.topology.InterconnectGraph.Tunnel;
import dev.multisite.topology.SiteSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An AWS site's end of its links: its Transit Gateway, which terminates every VPN connection and
 * joins the stack's Cloud WAN.
 *
 * @see AwsSiteNetwork
 */
public final class AwsEnd extends SiteEnd {
    public static final String TRANSIT_GATEWAY_ID = "transitGatewayId";
    public static final String TRANSIT_GATEWAY_ARN = "transitGatewayArn";
    public static final String TRANSIT_GATEWAY_OWNER_ID = "transitGatewayOwnerId";
    public static final String TRANSIT_GATEWAY_ROUTE_TABLE_ID = "transitGatewayRouteTableId";

    private final Provider aws;
    private final Output<String> transitGatewayId;
    private final Output<String> transitGatewayArn;
    private final Output<String> ownerId;
    private final Output<String> routeTableId;

    /**
     * @param routeTableId the Transit Gateway's default association route table
     */
    public AwsEnd(SiteSpec spec, Resource parent, Provider aws, Output<String> transitGatewayId, Output<String> transitGatewayArn,
                  Output<String> ownerId, Output<String> routeTableId) {
        super(spec, parent, aws);
        this.aws = aws;
        this.transitGatewayId = transitGatewayId;
        this.transitGatewayArn = transitGatewayArn;
        this.ownerId = ownerId;
        this.routeTableId = routeTableId;
    }

    @Override
    public <R> R match(Function<AwsEnd, R> aws, Function<GcpEnd, R> gcp, Function<AzureEnd, R> azure) {
        return aws.apply(this);
    }

    @Override
    public Map<String, Output<?>> facts() {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put(TRANSIT_GATEWAY_ID, transitGatewayId);
        out.put(TRANSIT_GATEWAY_ARN, transitGatewayArn);
        out.put(TRANSIT_GATEWAY_OWNER_ID, ownerId);
        out.put(TRANSIT_GATEWAY_ROUTE_TABLE_ID, routeTableId);
        return out;
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
    public void attachTo(WanEdge wan) {
        var policyTable = new PolicyTable(childName("wan-policy"), PolicyTableArgs.builder()
                .transitGatewayId(transitGatewayId).build(), options().build());
        var peering = new TransitGatewayPeering(childName("wan-peering"), TransitGatewayPeeringArgs.builder()
                .coreNetworkId(wan.coreNetworkId())
                .transitGatewayArn(transitGatewayArn).build(), onWan(wan, policyTable));
        var association = new PolicyTableAssociation(childName("wan-policy-assoc"), PolicyTableAssociationArgs.builder()
                .transitGatewayAttachmentId(peering.transitGatewayPeeringAttachmentId())
                .transitGatewayPolicyTableId(policyTable.id()).build(), options().build());
        new TransitGatewayRouteTableAttachment(childName("wan-routes"), TransitGatewayRouteTableAttachmentArgs.builder()
                .peeringId(peering.id())
                // The route table's ARN, as the API documents it: arn:aws:ec2:<region>:<account>:transit-gateway-route-table/tgw-rtb-...
                // (https://docs.aws.amazon.com/networkmanager/latest/APIReference/API_TransitGatewayRouteTableAttachment.html).
                .transitGatewayRouteTableArn(Output.format("arn:aws:ec2:%s:%s:transit-gateway-route-table/%s",
                        spec.region(), ownerId, routeTableId))
                .build(), onWan(wan, association));
    }

    /** A Network Manager resource of this site: on the home region's provider, once the core network's policy exists. */
    private CustomResourceOptions onWan(WanEdge wan, Resource after) {
        var dependencies = new ArrayList<Resource>(List.of(after));
        dependencies.addAll(wan.after());
        return on(wan.provider()).dependsOn(dependencies).build();
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
                .build(), options().build());
        return new VpnConnection(childName("vpn-" + peer + "-" + index), VpnConnectionArgs.builder()
                .transitGatewayId(transitGatewayId)
                .customerGatewayId(customerGateway.id())
                .type("ipsec.1")
                .staticRoutesOnly(false)
                .tunnel1InsideCidr(first.inside().toString())
                .tunnel2InsideCidr(second.inside().toString())
                .tunnel1PresharedKey(firstKey)
                .tunnel2PresharedKey(secondKey)
                .tunnel1IkeVersions("ikev2")
                .tunnel2IkeVersions("ikev2")
                .build(), options().build());
    }
}
