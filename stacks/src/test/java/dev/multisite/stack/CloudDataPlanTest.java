package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.offline.PlanMocks;
import dev.multisite.offline.PlannedResource;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.PreviewReader;
import dev.multisite.policy.Report;
import dev.multisite.site.AksSite;
import dev.multisite.stack.plan.PreviewDocument;
import dev.multisite.topology.Cidr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code data} example stack: a primary and a replica on RDS, Cloud SQL and Azure Flexible
 * Server, two AKS sites (one per kubelogin mode), both DNS backends.
 */
class CloudDataPlanTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static PlannedExample data;

    @BeforeAll
    static void planData() {
        data = PlannedExample.of("data");
    }

    private static List<PlannedResource> ofType(String type) {
        return data.plan().ofType(type);
    }

    @Test
    void everyCloudHasAPrimaryAndAReplica() {
        assertThat(ofType("aws:rds/instance:Instance")).extracting(PlannedResource::name).containsExactlyInAnyOrder("aws-use1-us-db", "aws-usw2-us-db");
        assertThat(ofType("gcp:sql/databaseInstance:DatabaseInstance")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("gcp-euw4-eu-db", "gcp-euw1-eu-db");
        assertThat(ofType("azure-native:dbforpostgresql:Server")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("az-weu-weu-db", "az-neu-weu-db");
        assertThat(data.named("az-neu-weu-db").inputs().path("createMode").asText()).isEqualTo("Replica");
        assertThat(data.named("gcp-euw1-eu-db").inputs().path("masterInstanceName").asText()).startsWith("gcp-euw4-eu-db-");
    }

    @Test
    void cloudSqlInstancesAreEnterpriseEditionSoDbCustomTiersAreAccepted() {
        assertThat(ofType("gcp:sql/databaseInstance:DatabaseInstance")).hasSize(2).allSatisfy(i -> {
            assertThat(i.inputs().path("settings").path("edition").asText()).isEqualTo("ENTERPRISE");
            assertThat(i.inputs().path("settings").path("tier").asText()).isEqualTo("db-custom-2-7680");
        });
    }

    @Test
    void theDeployingPrincipalIsAksRbacClusterAdminOnEveryAzureCluster() {
        for (String site : List.of("az-weu", "az-neu")) {
            var assignment = data.named(site + "-deployer-cluster-admin");
            var cluster = ofType("azure-native:containerservice:ManagedCluster").stream().filter(c -> c.name().equals(site + "-aks")).findFirst().orElseThrow();
            assertThat(assignment.type()).isEqualTo("azure-native:authorization:RoleAssignment");
            // The ambient login's object id, from authorization:getClientConfig.
            assertThat(assignment.inputs().path("principalId").asText()).isEqualTo(PlanMocks.DEPLOYER_OBJECT_ID);
            assertThat(assignment.inputs().path("roleDefinitionId").asText()).isEqualTo("/subscriptions/" + PlanMocks.SUBSCRIPTION
                    + "/providers/Microsoft.Authorization/roleDefinitions/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b");
            assertThat(assignment.inputs().path("scope").asText()).as("scoped to the managed cluster").startsWith(site + "-aks-");
            assertThat(assignment.dependencies()).contains(cluster.urn());
        }
        // Neither site sets deployerPrincipalType: the property is left out and ARM infers it (a CI logged
        // in as a service principal under azurecli would otherwise get UnmatchedPrincipalType).
        assertThat(data.named("az-weu-deployer-cluster-admin").inputs().path("principalType").isTextual()).as("no principalType sent").isFalse();
        assertThat(data.named("az-neu-deployer-cluster-admin").inputs().path("principalType").isTextual()).as("no principalType sent").isFalse();
    }

    @Test
    void configuredAdminGroupsBecomeTheClustersAadAdminGroups() {
        var aad = data.named("az-weu-aks").inputs().path("aadProfile");
        assertThat(aad.path("enableAzureRBAC").asBoolean()).isTrue();
        assertThat(aad.path("adminGroupObjectIDs")).extracting(JsonNode::asText).containsExactly("11111111-2222-3333-4444-555555555555");
        assertThat(data.named("az-weu-aks").inputs().path("disableLocalAccounts").asBoolean()).isTrue();
    }

    @Test
    void theKubeconfigLogsInWithTheConfiguredNonInteractiveModeAndWaitsForTheRole() throws Exception {
        // The plan keeps kubeconfigs secret, so the rendering is checked on a credential shaped like AKS's.
        String azurecli = AksSite.kubeconfig("az-weu", OFFLINE_CREDENTIAL, dev.multisite.topology.AzureSettings.KubeloginMode.AZURECLI, PlanMocks.TENANT);
        JsonNode exec = YAML.readTree(azurecli).path("users").path(0).path("user").path("exec");
        assertThat(exec.path("command").asText()).isEqualTo("kubelogin");
        assertThat(exec.path("args")).extracting(JsonNode::asText)
                .containsSubsequence("get-token", "--login", "azurecli", "--server-id", "6dae42f8-4368-4678-94ff-3960e28e3630")
                .doesNotContain("devicecode");
        assertThat(exec.path("interactiveMode").asText()).isEqualTo("Never");
        assertThat(YAML.readTree(azurecli).path("clusters").path(0).path("cluster").path("server").asText()).isEqualTo("https://az-weu.offline:443");
        String spn = AksSite.kubeconfig("az-neu", OFFLINE_CREDENTIAL, dev.multisite.topology.AzureSettings.KubeloginMode.SPN, PlanMocks.TENANT);
        assertThat(YAML.readTree(spn).path("users").path(0).path("user").path("exec").path("args")).extracting(JsonNode::asText)
                .containsSubsequence("--login", "spn").containsSubsequence("--tenant-id", PlanMocks.TENANT);
        assertThat(data.topology().site("az-neu").orElseThrow().azure().kubeloginMode().key()).isEqualTo("workloadidentity");
        // The site's Kubernetes provider reads the kubeconfig, which waits for the role assignment.
        var provider = data.named("az-weu-k8s");
        assertThat(provider.inputs().path("kubeconfig").asText()).isEqualTo("[secret]");
        assertThat(provider.propertyDependencies().get("kubeconfig")).contains(data.named("az-weu-deployer-cluster-admin").urn());
    }

    private static final String OFFLINE_CREDENTIAL = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: az-weu
              cluster: {server: "https://az-weu.offline:443", certificate-authority-data: Q0E=}
            users:
            - name: clusterUser
              user: {exec: {command: kubelogin, args: [get-token, --login, devicecode]}}
            """;

    @Test
    void flexibleServersHavePrivateAccessInTheirSitesVnet() {
        var subnet = data.named("az-weu-postgres-subnet");
        assertThat(subnet.inputs().path("delegations").path(0).path("serviceName").asText()).isEqualTo("Microsoft.DBforPostgreSQL/flexibleServers");
        Cidr range = Cidr.parse(subnet.inputs().path("addressPrefix").asText());
        Cidr vpc = data.topology().site("az-weu").orElseThrow().network().vpcCidr();
        assertThat(vpc.contains(range)).isTrue();
        assertThat(range.prefixLength()).isLessThanOrEqualTo(28);
        // Disjoint from the node subnet and the GatewaySubnet of the same VNet.
        data.plan().ofType("azure-native:network:Subnet").stream().filter(s -> !s.name().equals(subnet.name()))
                .filter(s -> s.inputs().path("virtualNetworkName").asText().equals(subnet.inputs().path("virtualNetworkName").asText()))
                .forEach(s -> assertThat(Cidr.parse(s.inputs().path("addressPrefix").asText()).overlaps(range)).as(s.name()).isFalse());
        assertThat(data.plan().ofType("azure-native:network:Subnet").stream().filter(s -> s.inputs().path("virtualNetworkName").asText()
                .equals(subnet.inputs().path("virtualNetworkName").asText()))).hasSizeGreaterThanOrEqualTo(3);

        // Written after the VNet's other subnets: the GatewaySubnet of the interconnect, then the DNS
        // resolver's inbound subnet (az-weu holds a primary that sites outside Azure read).
        assertThat(data.named("az-weu-dns-inbound-subnet").dependencies()).contains(data.named("az-weu-net-gateway-subnet").urn());
        assertThat(subnet.dependencies()).contains(data.named("az-weu-dns-inbound-subnet").urn());

        var server = data.named("az-weu-weu-db");
        var zone = data.named("az-weu-weu-db-dns");
        assertThat(zone.inputs().path("privateZoneName").asText()).isEqualTo("az-weu-weu-db.private.postgres.database.azure.com");
        assertThat(server.inputs().path("network").path("delegatedSubnetResourceId").asText()).startsWith("az-weu-postgres-subnet-");
        assertThat(server.inputs().path("network").path("privateDnsZoneArmResourceId").asText()).startsWith("az-weu-weu-db-dns-");
        assertThat(server.inputs().path("authConfig").path("activeDirectoryAuth").asText()).isEqualTo("Enabled");
        // The zone is linked to the server's own VNet before the server exists, and to the other Azure site that writes to it.
        var ownLink = data.named("az-weu-weu-db-dns-link-az-weu");
        assertThat(server.dependencies()).contains(ownLink.urn());
        assertThat(ownLink.inputs().path("virtualNetwork").path("id").asText()).startsWith("az-weu-vnet-");
        assertThat(data.named("az-weu-weu-db-dns-link-az-neu").inputs().path("virtualNetwork").path("id").asText()).startsWith("az-neu-vnet-");
        assertThat(ofType("azure-native:network:VirtualNetworkLink")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("az-weu-weu-db-dns-link-az-weu", "az-weu-weu-db-dns-link-az-neu", "az-neu-weu-db-dns-link-az-neu");
        var replica = data.named("az-neu-weu-db");
        assertThat(replica.inputs().path("network").path("delegatedSubnetResourceId").asText()).startsWith("az-neu-postgres-subnet-");
    }

    @Test
    void theFlexibleServerHasAnEntraAdministratorTheAzureSitesWorkloadsCanUse() {
        var identity = data.named("az-weu-weu-db-admin");
        var admin = data.named("az-weu-weu-db-entra-admin");
        assertThat(admin.type()).isEqualTo("azure-native:dbforpostgresql:Administrator");
        assertThat(admin.inputs().path("principalType").asText()).isEqualTo("ServicePrincipal");
        assertThat(admin.inputs().path("objectId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(admin.inputs().path("tenantId").asText()).isEqualTo(PlanMocks.TENANT);
        assertThat(admin.inputs().path("serverName").asText()).startsWith("az-weu-weu-db-");
        assertThat(admin.dependencies()).contains(identity.urn(), data.named("az-weu-weu-db").urn());
        var federations = ofType("azure-native:managedidentity:FederatedIdentityCredential");
        assertThat(federations).extracting(PlannedResource::name).containsExactly("az-weu-weu-db-federation-az-weu", "az-weu-weu-db-federation-az-neu");
        for (var f : federations) {
            assertThat(f.inputs().path("subject").asText()).isEqualTo("system:serviceaccount:multisite-system:az-weu-weu-db");
            assertThat(f.inputs().path("audiences").path(0).asText()).isEqualTo("api://AzureADTokenExchange");
            // Entra compares it with the token's iss: the issuer exactly as AKS reports it, trailing / included.
            assertThat(f.inputs().path("issuer").asText()).contains(".oic.prod-aks.azure.com/").endsWith("/");
        }
        for (String site : List.of("az-weu", "az-neu")) {
            var sa = data.named("az-weu-weu-db-sa-" + site);
            assertThat(sa.inputs().path("metadata").path("annotations").path("azure.workload.identity/client-id").asText()).matches("[0-9a-f-]{36}");
            assertThat(data.plan().byUrn(sa.providerUrn()).orElseThrow().name()).isEqualTo(site + "-k8s");
        }
    }

    @Test
    void theStackPassesEveryMandatoryPolicy() {
        var document = PreviewDocument.of(data.plan(), ExampleStacks.read("data").config(), 0);
        var report = new Report(PolicyPack.evaluate(PreviewReader.read(document.toTree()), PolicyConfig.DEFAULTS));
        assertThat(report.count(dev.multisite.policy.EnforcementLevel.MANDATORY)).as(report.text()).isZero();
    }

    @Test
    void thePlanSummaryShowsWhichBackendIsAuthoritativeForWhat() {
        String summary = dev.multisite.stack.plan.PlanSummary.render(data.plan(), data.topology());
        assertThat(summary).contains("DNS authority (every published name lives in exactly one backend):",
                "  app.example.org -> route53, delegated from cloudflare by NS records the stack creates: 7 name(s), the global hostname",
                "  example.org -> cloudflare: 6 name(s)",
                "  route53: 10 s interval x 2 failures + 10 s propagation + 15 s TTL = 45 s");
        assertThat(summary).doesNotContain("cloudflare: 10 s interval");
    }

    @Test
    void initGeneratesOneDnsAuthority() {
        // With existing sites their names must live in Cloudflare, so it is the only backend; without, Route 53.
        var mixed = dev.multisite.topology.TopologyParser.parse(dev.multisite.stack.cli.ExampleTopology.stackFile(13,
                List.of(dev.multisite.topology.CloudProvider.values()), "example.com").path("config").path("multisite:topology"));
        assertThat(mixed.traffic().dns()).extracting(dev.multisite.topology.DnsBackend::kind).containsExactly(dev.multisite.topology.DnsBackend.Kind.CLOUDFLARE);
        var cloud = dev.multisite.topology.TopologyParser.parse(dev.multisite.stack.cli.ExampleTopology.stackFile(4,
                List.of(dev.multisite.topology.CloudProvider.AWS, dev.multisite.topology.CloudProvider.GCP), "example.com")
                .path("config").path("multisite:topology"));
        assertThat(cloud.traffic().dns()).extracting(dev.multisite.topology.DnsBackend::kind).containsExactly(dev.multisite.topology.DnsBackend.Kind.ROUTE53);
    }
}
