package dev.multisite.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMapPatch;
import com.pulumi.kubernetes.core.v1.ConfigMapPatchArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.core.Alias;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.AwsSite;
import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.PrivateDnsForwarding;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;
import java.util.Map;

/**
 * Conditional forwarding of {@link PrivateDnsForwarding#ZONE} from one AWS or GCP site to the Azure
 * DNS Private Resolver inbound endpoints, so the site resolves the Flexible Server names it is
 * handed (the addresses are routed over the interconnect: they are in the Azure sites' VNet ranges).
 *
 * <ul>
 *   <li>AWS: a Route 53 Resolver outbound endpoint in the site's private subnets, a FORWARD rule for
 *   the zone and its association with the VPC, so the VPC resolver (what CoreDNS forwards to) sends
 *   the zone to Azure (AWS Route 53 Developer Guide, "Forwarding outbound DNS queries to your
 *   network": an outbound endpoint needs IP addresses in at least two subnets and a security group
 *   allowing DNS to the targets).</li>
 *   <li>GCP: a stub domain in GKE's kube-dns ConfigMap ({@code kube-system/kube-dns},
 *   {@code stubDomains}; Google, "Setting up a custom DNS resolver for kube-dns" in the GKE kube-dns
 *   guide), patched server-side so GKE keeps owning the rest of it. Not a Cloud DNS forwarding zone:
 *   its queries come from 35.199.192.0/19, which every GCP VPC would have to announce to Azure.</li>
 * </ul>
 */
public final class ZoneForwarding {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DNS_PORT = 53;

    private ZoneForwarding() {
    }

    /**
     * The forwarding of every site {@link PrivateDnsForwarding#forwardingSites} names, to every
     * inbound endpoint; written with the data endpoints (one stack: under the data tier; fleet mode:
     * in the data-endpoints part, under its copy of the data tier).
     */
    public static void build(Topology topology, List<Site> sites, Resource parent) {
        List<String> targets = PrivateDnsForwarding.resolverSites(topology).stream().map(PrivateDnsForwarding::inboundAddress).toList();
        java.util.Set<String> forwarding = PrivateDnsForwarding.forwardingSites(topology).stream().map(SiteSpec::name)
                .collect(java.util.stream.Collectors.toSet());
        sites.stream().filter(s -> forwarding.contains(s.name())).forEach(s -> forSite(s, targets, parent));
    }

    /** The forwarding of one site (which {@link PrivateDnsForwarding#forwardingSites} names) to {@code targets}. */
    static void forSite(Site site, List<String> targets, Resource parent) {
        // A switch expression (a statement need not cover every constant): a new provider does not
        // compile until it is decided how its sites forward the database zone, or that they never do.
        Runnable forward = switch (site.provider()) {
            case AWS -> () -> route53Resolver(site.awsSite().orElseThrow(Sites.notA(site, CloudProvider.AWS)), targets, parent);
            case GCP -> () -> kubeDnsStubDomain(site, targets, parent);
            case AZURE, EXISTING -> () -> {
                throw new IllegalStateException(site.name() + " is not a forwarding site (PrivateDnsForwarding)");
            };
        };
        forward.run();
    }

    private static void route53Resolver(AwsSite site, List<String> targets, Resource parent) {
        var options = under(parent).provider(site.awsProvider());
        var group = new SecurityGroup(site.name() + "-dns-forward", SecurityGroupArgs.builder()
                .vpcId(site.vpcId())
                .description("Multisite: DNS from the Route 53 Resolver outbound endpoint to the Azure DNS Private Resolver")
                .egress(List.of("udp", "tcp").stream().map(protocol -> SecurityGroupEgressArgs.builder()
                        .protocol(protocol).fromPort(DNS_PORT).toPort(DNS_PORT)
                        .cidrBlocks(targets.stream().map(t -> t + "/32").toList()).build()).toList())
                .build(), options.build());
        var endpoint = new ResolverEndpoint(site.name() + "-dns-outbound", ResolverEndpointArgs.builder()
                .direction("OUTBOUND")
                .securityGroupIds(group.id().applyValue(List::of))
                .ipAddresses(site.privateSubnets().applyValue(subnets -> subnets.stream()
                        .map(id -> ResolverEndpointIpAddressArgs.builder().subnetId(id).build()).toList()))
                .build(), under(parent).provider(site.awsProvider()).build());
        var rule = new ResolverRule(site.name() + "-dns-azure-postgres", ResolverRuleArgs.builder()
                .domainName(PrivateDnsForwarding.ZONE)
                .ruleType("FORWARD")
                .resolverEndpointId(endpoint.id())
                .targetIps(targets.stream().map(t -> ResolverRuleTargetIpArgs.builder().ip(t).port(DNS_PORT).build()).toList())
                .build(), under(parent).provider(site.awsProvider()).build());
        new ResolverRuleAssociation(site.name() + "-dns-azure-postgres", ResolverRuleAssociationArgs.builder()
                .resolverRuleId(rule.id())
                .vpcId(site.vpcId())
                .build(), under(parent).provider(site.awsProvider()).build());
    }

    /**
     * Under {@code parent}, aliased to the stack's root: where `pulumi state move` puts these in
     * the data-endpoints part, whose data tier is a copy left behind (fleet migrate; state_move.go in pulumi/pulumi).
     */
    private static CustomResourceOptions.Builder under(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).aliases(Alias.noParent());
    }

    private static void kubeDnsStubDomain(Site site, List<String> targets, Resource parent) {
        String stubDomains;
        try {
            stubDomains = JSON.writeValueAsString(Map.of(PrivateDnsForwarding.ZONE, targets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        new ConfigMapPatch(site.name() + "-kube-dns-stub-domains", ConfigMapPatchArgs.builder()
                .metadata(ObjectMetaPatchArgs.builder().name("kube-dns").namespace("kube-system").build())
                .data(Map.of("stubDomains", stubDomains))
                .build(), under(parent).provider(site.kubernetesProvider()).build());
    }
}
