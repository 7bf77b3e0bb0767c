package dev.multisite.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.multisite.topology.Fixtures.problemOf;
import static dev.multisite.topology.Fixtures.site;
import static dev.multisite.topology.Refusal.exactly;
import static dev.multisite.topology.Refusal.startingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyParserTest {

    @Test
    void parsesTheValidTopologyIntoTypedRecords() {
        Topology t = TopologyParser.parse(Fixtures.valid());

        assertThat(t.domain()).isEqualTo("example.com");
        assertThat(t.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(t.sites()).extracting(SiteSpec::name).containsExactly("aws-use1", "gcp-euw4", "az-weu", "metal-fra");
        assertThat(t.sites()).extracting(SiteSpec::provider)
                .containsExactly(CloudProvider.AWS, CloudProvider.GCP, CloudProvider.AZURE, CloudProvider.EXISTING);
        assertThat(t.sites().get(0).network().podCidr()).isEqualTo(Cidr.parse("100.65.0.0/16"));
        assertThat(t.sites().get(0).kubernetes().nodePools()).extracting(NodePool::min).containsExactly(2, 3);
        assertThat(t.sites().get(1).gcp().project()).isEqualTo("multisite-test-gcp");
        assertThat(t.sites().get(3).existing().kubeconfig()).isEqualTo("metal-fra-kubeconfig");
        assertThat(t.totalCapacity()).isEqualTo(350);
    }

    @Test
    void parsesTheJsonTextThePulumiEngineHandsOver() {
        String json = Fixtures.valid().toString();
        assertThat(TopologyParser.parseJson(json).sites()).hasSize(4);
    }

    @Test
    void rejectsBrokenJson() {
        assertThatThrownBy(() -> TopologyParser.parseJson("{\"sites\": [")).isInstanceOf(TopologyException.class)
                .hasMessageStartingWith("multisite:topology: not valid JSON");
    }

    @Test
    void rejectsAMissingTopology() {
        assertThatThrownBy(() -> TopologyParser.parse(null)).hasMessageStartingWith("multisite:topology: required");
    }

    @Test
    void rejectsATopologyThatIsNotAMapping() {
        assertThatThrownBy(() -> TopologyParser.parse(new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode()))
                .hasMessageContaining("expected a mapping with domain and sites");
    }

    /** Each broken field, and the one problem the parser refuses it with. */
    static Stream<Refusal> refusals() {
        return Stream.of(
                exactly("duplicateSiteName", () -> problemOf(t -> site(t, 1).put("name", "aws-use1")),
                        "sites[1].name: 'aws-use1' is already used by sites[0]; site names must be unique"),
                exactly("invalidSiteName", () -> problemOf(t -> site(t, 0).put("name", "AWS_1")),
                        "sites[AWS_1].name: 'AWS_1' is not allowed; use [a-z][a-z0-9-]{0,19} (lowercase, starts with a letter, at most 20 characters)"),
                exactly("duplicateClusterId", () -> problemOf(t -> site(t, 2).with("mesh").put("clusterId", 1)),
                        "sites[az-weu].mesh.clusterId: 1 is already used by aws-use1; choose a unique value in 1..255"),
                exactly("clusterIdZero", () -> problemOf(t -> site(t, 0).with("mesh").put("clusterId", 0)),
                        "sites[aws-use1].mesh.clusterId: 0 is out of range; choose a unique value in 1..255"),
                exactly("clusterId256", () -> problemOf(t -> site(t, 0).with("mesh").put("clusterId", 256)),
                        "sites[aws-use1].mesh.clusterId: 256 is out of range; choose a unique value in 1..255"),
                exactly("missingClusterId", () -> problemOf(t -> site(t, 0).remove("mesh")),
                        "sites[aws-use1].mesh.clusterId: required; a unique whole number in 1..255"),
                exactly("overlappingPodCidrsAcrossSites", () -> problemOf(t -> site(t, 1).with("network").put("podCidr", "100.65.128.0/17")),
                        "sites[gcp-euw4].network.podCidr: 100.65.128.0/17 overlaps aws-use1's network.podCidr 100.65.0.0/16;"
                        + " every VPC, pod and service range must be disjoint across all sites"),
                startingWith("podCidrOverlappingAnotherSitesVpc", () -> problemOf(t -> site(t, 1).with("network").put("podCidr", "10.1.0.0/20")),
                        "sites[gcp-euw4].network.podCidr: 10.1.0.0/20 overlaps aws-use1's network.vpcCidr 10.1.0.0/16"),
                startingWith("rangesOverlappingWithinOneSite", () -> problemOf(t -> site(t, 0).with("network").put("serviceCidr", "10.1.240.0/20")),
                        "sites[aws-use1].network.serviceCidr: 10.1.240.0/20 overlaps this site's network.vpcCidr 10.1.0.0/16"),
                startingWith("gkeControlPlaneRangeMustBeDisjointToo", () -> problemOf(t -> site(t, 1).with("gcp").put("masterIpv4Cidr", "10.4.0.0/28")),
                        "sites[metal-fra].network.vpcCidr: 10.4.0.0/16 overlaps gcp-euw4's gcp.masterIpv4Cidr 10.4.0.0/28"),
                exactly("invalidCidrSyntax", () -> problemOf(t -> site(t, 0).with("network").put("vpcCidr", "10.1.0/16")),
                        "sites[aws-use1].network.vpcCidr: '10.1.0/16' is not an IPv4 CIDR; write it as a.b.c.d/n, e.g. 10.0.0.0/16"),
                exactly("cidrWithHostBits", () -> problemOf(t -> site(t, 0).with("network").put("vpcCidr", "10.1.2.0/16")),
                        "sites[aws-use1].network.vpcCidr: '10.1.2.0/16' has host bits set; did you mean 10.1.0.0/16?"),
                exactly("cidrOctetAbove255", () -> problemOf(t -> site(t, 0).with("network").put("vpcCidr", "10.300.0.0/16")),
                        "sites[aws-use1].network.vpcCidr: '10.300.0.0/16' has octet 300 above 255"),
                exactly("vpcTooLarge", () -> problemOf(t -> site(t, 0).with("network").put("vpcCidr", "10.0.0.0/8")),
                        "sites[aws-use1].network.vpcCidr: 10.0.0.0/8 has prefix /8; allowed is /16 to /24"),
                exactly("missingNetwork", () -> problemOf(t -> site(t, 0).remove("network")),
                        "sites[aws-use1].network: required; set vpcCidr, podCidr and serviceCidr"),
                exactly("missingPodCidr", () -> problemOf(t -> site(t, 0).with("network").remove("podCidr")),
                        "sites[aws-use1].network.podCidr: required; an IPv4 CIDR between /8 and /22"),
                exactly("unknownProvider", () -> problemOf(t -> site(t, 0).put("provider", "ibm")),
                        "sites[aws-use1].provider: 'ibm' is not allowed; use one of aws, gcp, azure, existing"),
                exactly("missingProvider", () -> problemOf(t -> site(t, 0).remove("provider")),
                        "sites[aws-use1].provider: required; one of aws, gcp, azure, existing"),
                exactly("missingRegion", () -> problemOf(t -> site(t, 0).remove("region")),
                        "sites[aws-use1].region: required; a aws region such as us-east-1"),
                exactly("regionOfAnotherProvider", () -> problemOf(t -> site(t, 0).put("region", "europe-west4")),
                        "sites[aws-use1].region: 'europe-west4' is not a aws region; write it like us-east-1"),
                exactly("misspelledKeyGetsADidYouMeanHint", () -> problemOf(t -> site(t, 0).with("network").put("vpcCider", "10.9.0.0/16")),
                        "sites[aws-use1].network.vpcCider: unknown key; did you mean 'vpcCidr'? (allowed here: asn, podCidr, serviceCidr, vpcCidr)"),
                startingWith("unknownTopLevelBlockIsAnErrorLikeAnyTypo", () -> problemOf(t -> t.putObject("trafic")),
                        "trafic: unknown key"),
                exactly("oneSiteOnly", () -> problemOf(t -> {
                            var sites = t.withArray("sites");
                            sites.remove(3);
                            sites.remove(2);
                            sites.remove(1);
                        }),
                        "sites: 1 site(s) declared; active-active needs at least 2 sites"),
                exactly("capacityAsAString", () -> problemOf(t -> site(t, 0).put("capacity", "100")),
                        "sites[aws-use1].capacity: expected a whole number, got the string '100'"),
                exactly("capacityAsAFraction", () -> problemOf(t -> site(t, 0).put("capacity", 1.5)),
                        "sites[aws-use1].capacity: expected a whole number, got number 1.5"),
                exactly("zeroCapacity", () -> problemOf(t -> site(t, 0).put("capacity", 0)),
                        "sites[aws-use1].capacity: 0 is not allowed; use a positive whole number"),
                startingWith("missingCapacity", () -> problemOf(t -> site(t, 0).remove("capacity")),
                        "sites[aws-use1].capacity: required; a positive whole number"),
                exactly("kubernetesVersionAsANumber", () -> problemOf(t -> site(t, 0).with("kubernetes").put("version", 1.3)),
                        "sites[aws-use1].kubernetes.version: expected a string (quote it), got number 1.3"),
                exactly("kubernetesVersionMalformed", () -> problemOf(t -> site(t, 0).with("kubernetes").put("version", "latest")),
                        "sites[aws-use1].kubernetes.version: 'latest' is not a Kubernetes version; write it like \"1.30\""),
                exactly("sitesAsAMapping", () -> problemOf(t -> t.putObject("sites")),
                        "sites: expected a list, got a mapping"),
                startingWith("cloudSiteWithoutApiAccessCidrs", () -> problemOf(t -> site(t, 1).with("kubernetes").remove("apiAccessCidrs")),
                        "sites[gcp-euw4].kubernetes.apiAccessCidrs: required for gcp sites"),
                exactly("cloudSiteWithoutNodePools", () -> problemOf(t -> site(t, 2).with("kubernetes").remove("nodePools")),
                        "sites[az-weu].kubernetes.nodePools: required; at least one pool with name, machineType, min and max"),
                exactly("nodePoolMaxBelowMin", () -> problemOf(t -> ((ObjectNode) site(t, 0).with("kubernetes").withArray("nodePools").get(1)).put("max", 2)),
                        "sites[aws-use1].kubernetes.nodePools[apps].max: 2 is below min 3; max must be at least min"),
                exactly("nodePoolMinZero", () -> problemOf(t -> ((ObjectNode) site(t, 0).with("kubernetes").withArray("nodePools").get(0)).put("min", 0)),
                        "sites[aws-use1].kubernetes.nodePools[system].min: 0 is not allowed; at least 1 node"),
                startingWith("nodePoolNameTooLongForAks", () -> problemOf(t -> ((ObjectNode) site(t, 2).with("kubernetes").withArray("nodePools").get(0)).put("name", "systempool-one")),
                        "sites[az-weu].kubernetes.nodePools[systempool-one].name: 'systempool-one' is not allowed"),
                exactly("duplicateNodePoolName", () -> problemOf(t -> ((ObjectNode) site(t, 0).with("kubernetes").withArray("nodePools").get(1)).put("name", "system")),
                        "sites[aws-use1].kubernetes.nodePools[system].name: 'system' is used twice in this site; pool names must be unique per site"),
                exactly("gcpSiteWithoutGcpBlock", () -> problemOf(t -> site(t, 1).remove("gcp")),
                        "sites[gcp-euw4].gcp: required for a gcp site; set gcp.project and gcp.masterIpv4Cidr"),
                exactly("gcpControlPlaneNotA28", () -> problemOf(t -> site(t, 1).with("gcp").put("masterIpv4Cidr", "192.168.2.0/24")),
                        "sites[gcp-euw4].gcp.masterIpv4Cidr: 192.168.2.0/24 is not a /28; GKE requires exactly /28"),
                exactly("azureSiteWithoutResourceGroup", () -> problemOf(t -> site(t, 2).remove("azure")),
                        "sites[az-weu].azure.resourceGroup: required for an azure site; the resource group to create, e.g. rg-az-weu"),
                exactly("blockOfAnotherProvider", () -> problemOf(t -> site(t, 0).putObject("azure").put("resourceGroup", "rg-x")),
                        "sites[aws-use1].azure: set on a aws site; only the aws block applies, remove this one"),
                startingWith("existingSiteWithoutKubeconfigKey", () -> problemOf(t -> site(t, 3).remove("existing")),
                        "sites[metal-fra].existing.kubeconfig: required for an existing site; the name of a secret config key"),
                startingWith("existingSiteWithAKubeconfigInsteadOfAKeyName", () -> problemOf(t -> site(t, 3).with("existing").put("kubeconfig", "apiVersion: v1\nkind: Config")),
                        "sites[metal-fra].existing.kubeconfig: 'apiVersion: v1\nkind: Config' is not a config key name"),
                exactly("awsZonesOutsideTheRegion", () -> problemOf(t -> site(t, 0).putObject("aws").putArray("availabilityZones").add("us-east-1a").add("us-east-1b").add("eu-west-1a")),
                        "sites[aws-use1].aws.availabilityZones: 'eu-west-1a' is not a zone of us-east-1; write it like us-east-1a"),
                exactly("missingDomain", () -> problemOf(t -> t.remove("domain")),
                        "domain: required; the DNS domain the stack's names live under, e.g. example.com"),
                exactly("invalidDomain", () -> problemOf(t -> t.put("domain", "Example_COM")),
                        "domain: 'Example_COM' is not a lowercase DNS domain; write it like example.com"),
                startingWith("negativePeakDemand", () -> problemOf(t -> t.put("peakDemand", -5)),
                        "peakDemand: -5 is not allowed"),
                exactly("unknownEnvironment", () -> problemOf(t -> t.put("environment", "prod")),
                        "environment: 'prod' is not allowed; use one of production, staging, development"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesTheBrokenFieldWithItsProblem(Refusal refusal) {
        refusal.check();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"us-gov-west-1, aws-us-gov", "cn-north-1, aws-cn", "cn-northwest-1, aws-cn",
            "us-iso-east-1, aws-iso", "us-isob-east-1, aws-iso-b", "eu-isoe-west-1, aws-iso-e", "us-isof-south-1, aws-iso-f"})
    void awsRegionOutsideTheCommercialPartitionIsRefusedWithItsPartition(String region, String partition) {
        assertThat(problemOf(t -> site(t, 0).put("region", region)))
                .isEqualTo("sites[aws-use1].region: '" + region + "' is in the AWS partition " + partition
                        + "; only the commercial partition aws is supported (its ARNs, Route 53 and IAM are the ones Multisite uses); use a region such as us-east-1");
    }

    @Test
    void commercialAwsRegionsPass() {
        for (String region : List.of("us-east-1", "eu-central-2", "ap-southeast-4", "il-central-1", "me-central-1")) {
            var doc = Fixtures.valid();
            site(doc, 0).put("region", region);
            site(doc, 0).remove("aws");
            assertThat(TopologyParser.parse(doc).sites().get(0).region()).isEqualTo(region);
        }
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ObjectNode doc = Fixtures.valid();
        site(doc, 0).put("capacity", -1);
        site(doc, 1).remove("region");
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(doc));
        assertThat(thrown.problems()).hasSize(2);
    }

    @Test
    void azureAdminGroupsMustBeEntraObjectIdsAndTheLoginModeOneOfKubeloginsNonInteractiveModes() {
        var doc = Fixtures.valid();
        Fixtures.site(doc, 2).with("azure").putArray("adminGroupObjectIds").add("aks-admins");
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("sites[az-weu].azure.adminGroupObjectIds: 'aks-admins' is not an Entra ID object id;"
                + " a UUID like 00000000-0000-0000-0000-000000000000 (az ad group show --group <name> --query id)");
        var mode = Fixtures.valid();
        Fixtures.site(mode, 2).with("azure").put("kubeloginMode", "devicecode");
        assertThat(Fixtures.singleProblem(mode)).contains("kubeloginMode").contains("devicecode").contains("azurecli");
        var ok = Fixtures.valid();
        Fixtures.site(ok, 2).with("azure").put("kubeloginMode", "spn").putArray("adminGroupObjectIds").add("11111111-2222-3333-4444-555555555555");
        var azure = TopologyParser.parse(ok).site("az-weu").orElseThrow().azure();
        assertThat(azure.kubeloginMode()).isEqualTo(AzureSettings.KubeloginMode.SPN);
        assertThat(azure.principalType()).as("left out unless set: ARM infers it").isEmpty();
        var typed = Fixtures.valid();
        Fixtures.site(typed, 2).with("azure").put("deployerPrincipalType", "ServicePrincipal");
        assertThat(TopologyParser.parse(typed).site("az-weu").orElseThrow().azure().principalType()).contains(AzureSettings.PrincipalType.ServicePrincipal);
        assertThat(TopologyParser.parse(Fixtures.valid()).site("az-weu").orElseThrow().azure().kubeloginMode()).isEqualTo(AzureSettings.KubeloginMode.AZURECLI);
    }
}
