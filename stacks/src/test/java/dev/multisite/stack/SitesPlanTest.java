package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.fleet.Fleet;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.topology.SiteSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The four site kinds, as the prod stack plans them under the mock engine. */
class SitesPlanTest {
    private static Plan plan;
    private static Map<String, PlannedResource> byUrn;

    @BeforeAll
    static void planProd() {
        plan = ExampleStacks.plan("prod");
        byUrn = plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
    }

    private static PlannedResource one(String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    private static String siteOf(PlannedResource r) {
        for (PlannedResource p = r; p != null; p = byUrn.get(p.parent())) {
            if (p.type().startsWith("multisite:site:")) {
                return p.name();
            }
        }
        return null;
    }

    private static List<PlannedResource> inSite(String site) {
        return plan.resources().stream().filter(r -> site.equals(siteOf(r))).toList();
    }

    private static long count(String site, String type) {
        return inSite(site).stream().filter(r -> r.type().equals(type)).count();
    }

    @Test
    void eksSiteHasVpcOverThreeZonesAClusterNodeGroupsAndOidc() {
        assertThat(count("aws-use1", "aws:ec2/vpc:Vpc")).isEqualTo(1);
        assertThat(count("aws-use1", "aws:ec2/subnet:Subnet")).isEqualTo(6);
        assertThat(count("aws-use1", "aws:ec2/natGateway:NatGateway")).isEqualTo(3);
        assertThat(count("aws-use1", "aws:eks/cluster:Cluster")).isEqualTo(1);
        assertThat(count("aws-use1", "aws:eks/nodeGroup:NodeGroup")).isEqualTo(2);
        assertThat(count("aws-use1", "aws:iam/openIdConnectProvider:OpenIdConnectProvider")).isEqualTo(1);

        assertThat(one("aws:ec2/vpc:Vpc", "aws-use1-vpc").inputs().path("cidrBlock").asText()).isEqualTo("10.1.0.0/16");
        assertThat(inSite("aws-use1").stream().filter(r -> r.type().equals("aws:ec2/subnet:Subnet"))
                .map(r -> r.inputs().path("availabilityZone").asText()).distinct())
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1d");
    }

    @Test
    void eksApiIsPrivatePlusAPublicEndpointRestrictedToTheDeclaredCidrs() {
        JsonNode vpc = one("aws:eks/cluster:Cluster", "aws-use1-eks").inputs().path("vpcConfig");
        assertThat(vpc.path("endpointPrivateAccess").asBoolean()).isTrue();
        assertThat(vpc.path("endpointPublicAccess").asBoolean()).isTrue();
        assertThat(vpc.path("publicAccessCidrs")).extracting(JsonNode::asText)
                .containsExactly("203.0.113.0/24", "198.51.100.0/24");
        assertThat(one("aws:eks/cluster:Cluster", "aws-use1-eks").inputs().path("kubernetesNetworkConfig")
                .path("serviceIpv4Cidr").asText()).isEqualTo("172.16.16.0/20");
    }

    @Test
    void eksIsCreatedWithoutItsDefaultNetworkAddonsAndGetsCoreDnsAfterCilium() {
        for (String site : List.of("aws-use1", "aws-euw1")) {
            // Create-time only (pulumi-aws eks.Cluster: changing it forces a new cluster).
            assertThat(one("aws:eks/cluster:Cluster", site + "-eks").inputs().path("bootstrapSelfManagedAddons").isBoolean()).isTrue();
            assertThat(one("aws:eks/cluster:Cluster", site + "-eks").inputs().path("bootstrapSelfManagedAddons").asBoolean()).isFalse();

            PlannedResource coreDns = one("aws:eks/addon:Addon", site + "-coredns");
            assertThat(coreDns.inputs().path("addonName").asText()).isEqualTo("coredns");
            assertThat(coreDns.inputs().path("clusterName").asText()).startsWith(site + "-eks");
            assertThat(coreDns.dependencies()).contains(one("aws:eks/cluster:Cluster", site + "-eks").urn());
            assertThat(siteOf(coreDns)).isEqualTo(site);
            assertThat(byUrn.get(coreDns.providerUrn()).name()).isEqualTo(site + "-aws");
            String cilium = one("kubernetes:helm.sh/v3:Release", site + "-cilium").urn();
            List<String> nodeGroups = inSite(site).stream().filter(r -> r.type().equals("aws:eks/nodeGroup:NodeGroup")).map(PlannedResource::urn).toList();
            assertThat(nodeGroups).isNotEmpty();
            assertThat(coreDns.dependencies()).contains(cilium).containsAll(nodeGroups);
            // Nothing orders the Cilium release after the node groups: their nodes need Cilium to become Ready.
            PlannedResource release = byUrn.get(cilium);
            assertThat(release.dependencies()).doesNotContainAnyElementsOf(nodeGroups);
            release.propertyDependencies().values().forEach(deps -> assertThat(deps).doesNotContainAnyElementsOf(nodeGroups));
        }
        assertThat(plan.ofType("aws:eks/addon:Addon")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("aws-use1-coredns", "aws-euw1-coredns");
    }

    @Test
    void eksNodeGroupSizesComeFromTheTopology() {
        JsonNode scaling = one("aws:eks/nodeGroup:NodeGroup", "aws-use1-pool-apps").inputs().path("scalingConfig");
        assertThat(scaling.path("minSize").asInt()).isEqualTo(3);
        assertThat(scaling.path("maxSize").asInt()).isEqualTo(12);
        assertThat(one("aws:eks/nodeGroup:NodeGroup", "aws-use1-pool-apps").inputs().path("instanceTypes").get(0).asText())
                .isEqualTo("m6i.2xlarge");
    }

    @Test
    void everySiteHasItsOwnCloudProviderInItsOwnRegion() {
        assertThat(one("pulumi:providers:aws", "aws-use1-aws").inputs().path("region").asText()).isEqualTo("us-east-1");
        assertThat(one("pulumi:providers:aws", "aws-euw1-aws").inputs().path("region").asText()).isEqualTo("eu-west-1");
        assertThat(one("pulumi:providers:gcp", "gcp-euw4-gcp").inputs().path("region").asText()).isEqualTo("europe-west4");
        assertThat(one("pulumi:providers:gcp", "gcp-euw4-gcp").inputs().path("project").asText()).isEqualTo("multisite-prod-euw4");
    }

    @Test
    void gkeIsVpcNativeWithTheSitesRangesPrivateNodesAndWorkloadIdentity() {
        JsonNode subnet = one("gcp:compute/subnetwork:Subnetwork", "gcp-euw4-nodes").inputs();
        assertThat(subnet.path("ipCidrRange").asText()).isEqualTo("10.3.0.0/16");
        // GKE's pods range is the upper half of the site's pod CIDR 100.67.0.0/16; Cilium's cluster pool
        // takes the lower half, so GKE's per-node alias ranges never hold Cilium's pod addresses.
        assertThat(subnet.path("secondaryIpRanges")).extracting(r -> r.path("ipCidrRange").asText())
                .containsExactlyInAnyOrder("100.67.128.0/17", "172.16.48.0/20");
        var gke = ExampleStacks.read("prod").topology().site("gcp-euw4").orElseThrow();
        assertThat(gke.ciliumPodPool().toString()).isEqualTo("100.67.0.0/17");
        assertThat(gke.ciliumPodPool().overlaps(gke.gkePodsRange())).isFalse();

        JsonNode cluster = one("gcp:container/cluster:Cluster", "gcp-euw4-gke").inputs();
        assertThat(cluster.path("privateClusterConfig").path("enablePrivateNodes").asBoolean()).isTrue();
        assertThat(cluster.path("privateClusterConfig").path("masterIpv4CidrBlock").asText()).isEqualTo("192.168.3.0/28");
        assertThat(cluster.path("masterAuthorizedNetworksConfig").path("cidrBlocks"))
                .extracting(b -> b.path("cidrBlock").asText()).containsExactly("203.0.113.0/24", "198.51.100.0/24");
        assertThat(cluster.path("workloadIdentityConfig").path("workloadPool").asText()).isEqualTo("multisite-prod-euw4.svc.id.goog");
        assertThat(cluster.path("datapathProvider").asText()).isEqualTo("LEGACY_DATAPATH");

        assertThat(plan.ofType("gcp:container/nodePool:NodePool")).isNotEmpty().allSatisfy(pool -> assertThat(pool.inputs()
                .path("nodeConfig").path("taints")).extracting(t -> t.path("key").asText() + "=" + t.path("value").asText() + ":" + t.path("effect").asText())
                .containsExactly("node.cilium.io/agent-not-ready=true:NO_EXECUTE"));

        JsonNode autoscaling = one("gcp:container/nodePool:NodePool", "gcp-euw4-pool-apps").inputs().path("autoscaling");
        assertThat(autoscaling.path("totalMinNodeCount").asInt()).isEqualTo(3);
        assertThat(autoscaling.path("totalMaxNodeCount").asInt()).isEqualTo(10);
    }

    @Test
    void aksUsesTheSitesRangesBringsItsOwnCniAndRestrictsTheApi() {
        JsonNode cluster = one("azure-native:containerservice:ManagedCluster", "az-weu-aks").inputs();
        assertThat(cluster.path("location").asText()).isEqualTo("westeurope");
        assertThat(cluster.path("networkProfile").path("networkPlugin").asText()).isEqualTo("none");
        assertThat(cluster.path("networkProfile").path("podCidr").asText()).isEqualTo("100.68.0.0/16");
        assertThat(cluster.path("networkProfile").path("serviceCidr").asText()).isEqualTo("172.16.64.0/20");
        assertThat(cluster.path("networkProfile").path("dnsServiceIP").asText()).isEqualTo("172.16.64.10");
        assertThat(cluster.path("apiServerAccessProfile").path("authorizedIPRanges")).extracting(JsonNode::asText)
                .containsExactly("203.0.113.0/24", "198.51.100.0/24");
        assertThat(cluster.path("oidcIssuerProfile").path("enabled").asBoolean()).isTrue();
        assertThat(cluster.path("disableLocalAccounts").asBoolean()).isTrue();
        assertThat(cluster.path("agentPoolProfiles")).extracting(p -> p.path("name").asText() + ":" + p.path("mode").asText()
                + ":" + p.path("minCount").asInt() + "-" + p.path("maxCount").asInt())
                .containsExactly("system:System:2-4", "apps:User:3-10");
    }

    @Test
    void existingSiteCreatesNoCloudResourcesOnlyKubernetesOnes() {
        assertThat(inSite("metal-fra")).extracting(PlannedResource::type)
                .contains("multisite:site:ExistingSite", "pulumi:providers:kubernetes")
                .noneMatch(t -> t.startsWith("aws:") || t.startsWith("gcp:") || t.startsWith("azure-native:"));
    }

    @Test
    void everyCustomResourceNamesAnExplicitProviderAndKubernetesOnesTheirOwnSites() {
        for (PlannedResource r : plan.resources()) {
            if (!r.custom() || r.isProvider()) {
                continue;
            }
            assertThat(r.provider()).as("provider of %s", r.urn()).isNotEmpty();
            PlannedResource provider = byUrn.get(r.providerUrn());
            assertThat(provider).as("provider resource of %s", r.urn()).isNotNull();
            if (r.type().startsWith("kubernetes:")) {
                assertThat(provider.type()).isEqualTo("pulumi:providers:kubernetes");
                assertThat(siteOf(provider)).as("site of the provider of %s", r.urn()).isNotNull();
            }
            String providerSite = siteOf(provider);
            if (providerSite != null) {
                if (siteOf(r) != null) {
                    assertThat(siteOf(r)).as("a site's provider serves only that site: %s", r.urn()).isEqualTo(providerSite);
                } else {
                    // Children of shared components (the data tier) are named for the site whose provider they use.
                    assertThat(r.name()).as("shared component child %s", r.urn()).startsWith(providerSite + "-");
                }
            }
        }
    }

    @Test
    void everySiteHasExactlyOneKubernetesProviderParentedToIt() {
        for (SiteSpec site : ExampleStacks.read("prod").topology().sites()) {
            assertThat(inSite(site.name()).stream().filter(r -> r.type().equals("pulumi:providers:kubernetes")))
                    .as("kubernetes providers of %s", site.name()).hasSize(1)
                    .allSatisfy(p -> assertThat(byUrn.get(p.parent()).name()).isEqualTo(site.name()));
        }
    }

    @Test
    void everyResourceButTheStackHasAParentAndOnlyTheFleetHangsOffTheStack() {
        for (PlannedResource r : plan.resources()) {
            if (r.type().equals("pulumi:pulumi:Stack")) {
                continue;
            }
            assertThat(byUrn).as("parent of %s", r.urn()).containsKey(r.parent());
            if (byUrn.get(r.parent()).type().equals("pulumi:pulumi:Stack")) {
                assertThat(r.type()).as("%s hangs off the stack", r.urn()).isEqualTo(Fleet.TYPE);
            }
        }
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("multisite:site:"))
                .allSatisfy(site -> assertThat(byUrn.get(site.parent()).type()).isEqualTo(Fleet.TYPE));
    }

    @Test
    void iamOidcProvidersAndWebIdentityTrustUseTheIssuerWithoutSchemeOrTrailingSlash() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        // data: its AKS sites' ExternalDNS write to Route 53, so AWS trusts their issuers.
        var plan = ExampleStacks.plan("data");
        var providers = plan.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assertThat(providers).isNotEmpty().allSatisfy(p -> assertThat(p.inputs().path("url").asText())
                .startsWith("https://").doesNotEndWith("/"));
        // AKS reports its issuer with a trailing slash (the mock does too): it reaches IAM without it.
        assertThat(providers.stream().filter(p -> p.name().equals("az-weu-external-dns-oidc")).findFirst().orElseThrow().inputs().path("url").asText())
                .matches("https://westeurope\\.oic\\.prod-aks\\.azure\\.com/00000000-0000-0000-0000-000000000000/[0-9a-f]+");
        var issuers = providers.stream().map(p -> p.inputs().path("url").asText().substring("https://".length())).toList();
        var federated = plan.ofType("aws:iam/role:Role").stream()
                .filter(r -> r.inputs().path("assumeRolePolicy").asText().contains("AssumeRoleWithWebIdentity")).toList();
        assertThat(federated).isNotEmpty();
        for (PlannedResource role : federated) {
            JsonNode equals = json.readTree(role.inputs().path("assumeRolePolicy").asText()).path("Statement").get(0)
                    .path("Condition").path("StringEquals");
            List<String> keys = new java.util.ArrayList<>();
            equals.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("condition keys of %s", role.name()).hasSize(2).allSatisfy(k -> {
                assertThat(k).doesNotStartWith("https://").doesNotContain("/:");
                assertThat(issuers).contains(k.substring(0, k.lastIndexOf(':')));
            });
        }
    }

    @Test
    void kubeconfigsAreSecretInProviderInputsAndStackOutputs() {
        assertThat(plan.ofType("pulumi:providers:kubernetes"))
                .allSatisfy(p -> assertThat(p.inputs().path("kubeconfig").asText()).isEqualTo("[secret]"));
        assertThat(plan.outputs().get("kubeconfigs").asText()).isEqualTo("[secret]");
        assertThat(plan.outputs().get("clusterEndpoints").path("gcp-euw4").asText()).startsWith("https://");
    }
}
