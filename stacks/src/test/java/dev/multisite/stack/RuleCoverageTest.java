package dev.multisite.stack;

import com.pulumi.core.annotations.ResourceType;
import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.PolicyResource;
import dev.multisite.catalog.ResourceTypes;
import dev.multisite.policy.Rule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that prove they still match: every rule selects at least one resource (or topology fact)
 * of the planned example stacks, and the catalogue's type tokens are the ones the provider SDKs
 * register. A provider upgrade that renames a type, or a renamed component, fails here instead of
 * switching rules off while every other test stays green.
 */
class RuleCoverageTest {

    @Test
    void everyRuleSelectsSomethingInTheExampleStacks() {
        List<PolicyResource> resources = new ArrayList<>();
        for (String stack : ExampleStacks.NAMES) {
            ExampleStacks.plan(stack).resources().stream().map(RealPreviews::policyResource).forEach(resources::add);
        }
        var topology = ExampleStacks.read("global").config().get("multisite:topology");
        for (Rule rule : PolicyPack.RULES) {
            long selected = resources.stream().filter(r -> PolicyPack.selects(rule, r)).count();
            boolean readsTopology = rule.selects().contains(Rule.TOPOLOGY) && topology.path("sites").size() >= 2;
            assertThat(selected > 0 || readsTopology).as("%s selects nothing of %s", rule.name(), rule.selects()).isTrue();
            rule.selects().stream().filter(p -> !p.equals(Rule.TOPOLOGY) && !p.endsWith("*")).forEach(type ->
                    assertThat(resources).as("%s: no planned resource of type %s", rule.name(), type)
                            .anyMatch(r -> r.type().equals(type)));
        }
    }

    @Test
    void theCatalogueTokensAreTheSdksOwn() {
        Map<String, Class<?>> sdk = Map.ofEntries(
                Map.entry(ResourceTypes.EKS_CLUSTER, com.pulumi.aws.eks.Cluster.class),
                Map.entry(ResourceTypes.EKS_NODE_GROUP, com.pulumi.aws.eks.NodeGroup.class),
                Map.entry(ResourceTypes.GKE_CLUSTER, com.pulumi.gcp.container.Cluster.class),
                Map.entry(ResourceTypes.GKE_NODE_POOL, com.pulumi.gcp.container.NodePool.class),
                Map.entry(ResourceTypes.AKS_CLUSTER, com.pulumi.azurenative.containerservice.ManagedCluster.class),
                Map.entry(ResourceTypes.ROUTE53_HEALTH_CHECK, com.pulumi.aws.route53.HealthCheck.class),
                Map.entry(ResourceTypes.ROUTE53_RECORD, com.pulumi.aws.route53.Record.class),
                Map.entry(ResourceTypes.HELM_RELEASE, com.pulumi.kubernetes.helm.v3.Release.class),
                Map.entry(ResourceTypes.RDS_INSTANCE, com.pulumi.aws.rds.Instance.class),
                Map.entry(ResourceTypes.CLOUD_SQL_INSTANCE, com.pulumi.gcp.sql.DatabaseInstance.class),
                Map.entry(ResourceTypes.FLEXIBLE_SERVER, com.pulumi.azurenative.dbforpostgresql.Server.class),
                Map.entry(ResourceTypes.GCP_SUBNETWORK, com.pulumi.gcp.compute.Subnetwork.class),
                Map.entry(ResourceTypes.AWS_SG_INGRESS_RULE, com.pulumi.aws.vpc.SecurityGroupIngressRule.class),
                Map.entry(ResourceTypes.AWS_SECURITY_GROUP, com.pulumi.aws.ec2.SecurityGroup.class),
                Map.entry(ResourceTypes.GCP_FIREWALL, com.pulumi.gcp.compute.Firewall.class),
                Map.entry(ResourceTypes.AZURE_SECURITY_RULE, com.pulumi.azurenative.network.SecurityRule.class),
                Map.entry(ResourceTypes.TRANSIT_GATEWAY, com.pulumi.aws.ec2transitgateway.TransitGateway.class),
                Map.entry(ResourceTypes.GCP_ROUTER, com.pulumi.gcp.compute.Router.class),
                Map.entry(ResourceTypes.AZURE_VPN_GATEWAY, com.pulumi.azurenative.network.VirtualNetworkGateway.class),
                Map.entry(ResourceTypes.CLOUDFLARE_POOL, dev.multisite.bindings.CloudflareLoadBalancerPool.class),
                Map.entry(ResourceTypes.APPLICATION_SET, dev.multisite.bindings.ArgoApplicationSet.class));
        sdk.forEach((token, type) -> assertThat(type.getAnnotation(ResourceType.class).type()).as(type.getName()).isEqualTo(token));
        Map.of(dev.multisite.topology.CloudProvider.AWS, dev.multisite.site.EksSite.TYPE, dev.multisite.topology.CloudProvider.GCP,
                        dev.multisite.site.GkeSite.TYPE, dev.multisite.topology.CloudProvider.AZURE, dev.multisite.site.AksSite.TYPE,
                        dev.multisite.topology.CloudProvider.EXISTING, dev.multisite.site.ExistingSite.TYPE)
                .forEach((provider, type) -> assertThat(ResourceTypes.siteType(provider)).as(provider.key()).isEqualTo(type));
    }
}
