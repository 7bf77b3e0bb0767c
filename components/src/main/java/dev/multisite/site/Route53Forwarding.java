package dev.multisite.site;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.route53.ResolverEndpoint;
import com.pulumi.aws.route53.ResolverEndpointArgs;
import com.pulumi.aws.route53.ResolverRule;
import com.pulumi.aws.route53.ResolverRuleArgs;
import com.pulumi.aws.route53.ResolverRuleAssociation;
import com.pulumi.aws.route53.ResolverRuleAssociationArgs;
import com.pulumi.aws.route53.inputs.ResolverEndpointIpAddressArgs;
import com.pulumi.aws.route53.inputs.ResolverRuleTargetIpArgs;

import java.util.List;

/**
 * How an AWS site forwards a zone to routed resolvers: a Route 53 Resolver outbound endpoint in the
 * site's private subnets, a FORWARD rule for the zone and its association with the VPC, so the VPC
 * resolver (what CoreDNS forwards to) sends the zone on (AWS Route 53 Developer Guide, "Forwarding
 * outbound DNS queries to your network": an outbound endpoint needs IP addresses in at least two
 * subnets and a security group allowing DNS to the targets).
 */
final class Route53Forwarding {
    static final int DNS_PORT = 53;

    private Route53Forwarding() {
    }

    static void forward(AwsSite site, ZoneForward forward) {
        var group = new SecurityGroup(site.name() + "-dns-forward", SecurityGroupArgs.builder()
                .vpcId(site.vpcId())
                .description("Multisite: DNS from the Route 53 Resolver outbound endpoint to " + forward.resolversName())
                .egress(List.of("udp", "tcp").stream().map(protocol -> SecurityGroupEgressArgs.builder()
                        .protocol(protocol).fromPort(DNS_PORT).toPort(DNS_PORT)
                        .cidrBlocks(forward.resolvers().stream().map(t -> t + "/32").toList()).build()).toList())
                .build(), forward.options(site.awsProvider()));
        var endpoint = new ResolverEndpoint(site.name() + "-dns-outbound", ResolverEndpointArgs.builder()
                .direction("OUTBOUND")
                .securityGroupIds(group.id().applyValue(List::of))
                .ipAddresses(site.privateSubnets().applyValue(subnets -> subnets.stream()
                        .map(id -> ResolverEndpointIpAddressArgs.builder().subnetId(id).build()).toList()))
                .build(), forward.options(site.awsProvider()));
        var rule = new ResolverRule(site.name() + "-dns-" + forward.label(), ResolverRuleArgs.builder()
                .domainName(forward.zone())
                .ruleType("FORWARD")
                .resolverEndpointId(endpoint.id())
                .targetIps(forward.resolvers().stream().map(t -> ResolverRuleTargetIpArgs.builder().ip(t).port(DNS_PORT).build()).toList())
                .build(), forward.options(site.awsProvider()));
        new ResolverRuleAssociation(site.name() + "-dns-" + forward.label(), ResolverRuleAssociationArgs.builder()
                .resolverRuleId(rule.id())
                .vpcId(site.vpcId())
                .build(), forward.options(site.awsProvider()));
    }
}
