package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.offline.PlannedResource;
import dev.multisite.topology.PrivateDnsForwarding;
import dev.multisite.topology.PrivateServices;
import dev.multisite.topology.Reachability;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data plan builds what the reachability check assumes: Cloud SQL's range from the address
 * plan, announced by the GCP site's Cloud Router and exported back over the servicenetworking
 * peering, the replica in its primary's VPC, and the Flexible Server names forwarded from the AWS
 * and GCP sites to an Azure DNS Private Resolver inbound endpoint at the model's address.
 */
class ReachabilityPlanTest {
    private static PlannedExample data;

    @BeforeAll
    static void planData() {
        data = PlannedExample.of("data");
    }

    @Test
    void theDataStackHasNoReachabilityFinding() {
        assertThat(Reachability.check(data.topology())).isEmpty();
        // What it covered: 6 sites x 3 partitions x (write, read), and each site's health name.
        assertThat(Reachability.endpoints(data.topology())).filteredOn(e -> e.kind() == Reachability.Kind.DATA).hasSize(36);
    }

    @Test
    void theInitFleetsOf26And52SitesHaveNoFinding() {
        for (int sites : new int[]{26, 52}) {
            Topology fleet = ExampleStacks.init(sites);
            assertThat(Reachability.check(fleet)).as(sites + " sites").isEmpty();
            // Every site is given every other site's mesh apiserver (over the interconnect) and its own health name.
            assertThat(Reachability.endpoints(fleet)).filteredOn(e -> e.kind() == Reachability.Kind.MESH).hasSize(sites * (sites - 1));
        }
    }

    @Test
    void cloudSqlsRangeIsTheAddressPlansAndIsAnnouncedAndExportedBack() {
        var range = PrivateServices.range(data.topology().site("gcp-euw4").orElseThrow()).orElseThrow();
        JsonNode address = data.named("gcp-euw4-sql-range").inputs();
        assertThat(address.path("address").asText()).isEqualTo(range.address(0));
        assertThat(address.path("prefixLength").asInt()).isEqualTo(range.prefixLength());
        JsonNode routes = data.named("gcp-euw4-sql-routes").inputs();
        assertThat(routes.path("peering").asText()).isEqualTo("servicenetworking-googleapis-com");
        assertThat(routes.path("exportCustomRoutes").asBoolean()).isTrue();
        // The GCP site's BGP sessions announce the range to its peers (custom advertisement).
        List<PlannedResource> peers = data.plan().ofType("gcp:compute/routerPeer:RouterPeer").stream()
                .filter(r -> r.name().startsWith("gcp-euw4-net-")).toList();
        assertThat(peers).isNotEmpty().allSatisfy(p -> assertThat(p.inputs().path("advertisedIpRanges").findValuesAsText("range"))
                .contains(range.toString()));
        // No other site allocates one: the replica lives in its primary's VPC.
        assertThat(data.plan().ofType("gcp:compute/globalAddress:GlobalAddress")).extracting(PlannedResource::name).containsExactly("gcp-euw4-sql-range");
        assertThat(data.named("gcp-euw1-eu-db").inputs().path("settings").path("ipConfiguration").path("privateNetwork").asText())
                .isEqualTo(data.named("gcp-euw4-eu-db").inputs().path("settings").path("ipConfiguration").path("privateNetwork").asText());
    }

    @Test
    void sitesOutsideAzureForwardTheFlexibleServerZoneToTheInboundEndpoint() {
        var azure = data.topology().site("az-weu").orElseThrow();
        String target = PrivateDnsForwarding.inboundAddress(azure);
        JsonNode inbound = data.named("az-weu-dns-inbound").inputs().path("ipConfigurations").path(0);
        assertThat(inbound.path("privateIpAllocationMethod").asText()).isEqualTo("Static");
        assertThat(inbound.path("privateIpAddress").asText()).isEqualTo(target);
        assertThat(azure.network().vpcCidr().contains(PrivateDnsForwarding.inboundSubnet(azure))).isTrue();
        assertThat(data.named("az-weu-dns-inbound-subnet").inputs().path("delegations").path(0).path("serviceName").asText())
                .isEqualTo("Microsoft.Network/dnsResolvers");
        assertThat(data.plan().ofType("azure-native:network:InboundEndpoint")).hasSize(1);
        for (String aws : List.of("aws-use1", "aws-usw2")) {
            JsonNode rule = data.named(aws + "-dns-azure-postgres").inputs();
            if (rule.has("ruleType")) {
                assertThat(rule.path("ruleType").asText()).isEqualTo("FORWARD");
                assertThat(rule.path("domainName").asText()).isEqualTo("postgres.database.azure.com");
                assertThat(rule.path("targetIps").findValuesAsText("ip")).containsExactly(target);
            }
            assertThat(data.named(aws + "-dns-outbound").inputs().path("direction").asText()).isEqualTo("OUTBOUND");
        }
        assertThat(data.plan().ofType("aws:route53/resolverRuleAssociation:ResolverRuleAssociation")).hasSize(2);
        for (String gcp : List.of("gcp-euw4", "gcp-euw1")) {
            var patch = data.named(gcp + "-kube-dns-stub-domains");
            assertThat(patch.inputs().path("metadata").path("name").asText()).isEqualTo("kube-dns");
            assertThat(patch.inputs().path("metadata").path("namespace").asText()).isEqualTo("kube-system");
            assertThat(patch.inputs().path("data").path("stubDomains").asText()).isEqualTo("{\"postgres.database.azure.com\":[\"" + target + "\"]}");
            // Never forced: forced, the clusterset.local patch of stubDomains would be silently dropped (ForwardedZones).
            assertThat(patch.inputs().path("metadata").path("annotations").has("pulumi.com/patchForce")).isFalse();
        }
        // Azure sites resolve through their linked zones: no forwarder of their own.
        assertThat(data.plan().resources()).noneMatch(r -> r.name().startsWith("az-") && (r.name().endsWith("-kube-dns-stub-domains") || r.name().endsWith("-dns-outbound")));
    }
}
