package dev.multisite.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every name and address a site is given is reachable from it: 0 findings on the example stacks,
 * and each defect of issue 28 put back is reported with one line naming the site, the endpoint and
 * the missing piece (by the check, or by the parser before it).
 */
class ReachabilityTest {

    private static ObjectNode stackTopology(String stack) throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "stacks", "Pulumi." + stack + ".yaml").toFile());
        return (ObjectNode) file.path("config").path("multisite:topology").deepCopy();
    }

    private static Topology data() throws Exception {
        return TopologyParser.parse(stackTopology("data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "global", "data"})
    void everyExampleStackHasNoFinding(String stack) throws Exception {
        Topology topology = TopologyParser.parse(stackTopology(stack));
        assertThat(Reachability.check(topology)).isEmpty();
        assertThat(Reachability.endpoints(topology)).isNotEmpty();
    }

    @Test
    void theDataStackGivesEverySiteEveryPartitionsHostsAndReachesThemAll() throws Exception {
        var endpoints = Reachability.endpoints(data());
        assertThat(endpoints).filteredOn(e -> e.kind() == Reachability.Kind.DATA).hasSize(6 * 3 * 2);
        // gcp-euw1 reads its local replica, whose address is in the primary site's range (same VPC).
        assertThat(endpoints).filteredOn(e -> e.site().equals("gcp-euw1") && e.label().equals("partition eu read host"))
                .singleElement().satisfies(e -> {
                    assertThat(e.owner()).isEqualTo("gcp-euw4");
                    assertThat(e.range()).isEqualTo(Cidr.parse("10.113.0.0/20"));
                });
    }

    @Test
    void aPrivateServicesRangeNotAnnouncedIsReported() throws Exception {
        Topology topology = data();
        var fabric = Reachability.Fabric.of(topology);
        // The defect put back: the GCP hubs announce only the address plan's three ranges.
        var unannounced = new Reachability.Fabric(s -> s.network().ranges(), fabric.psaExportsRoutes(), fabric.forwarding(), fabric.resolvers());
        var findings = Reachability.check(topology, InterconnectGraph.of(topology), unannounced);
        assertThat(findings).hasSize(10).extracting(Reachability.Finding::toString)
                .contains("sites[aws-use1]: data endpoint partition eu write host (Cloud SQL private IP on gcp-euw4, on gcp-euw4) "
                        + Reachability.MARKER + ": gcp-euw4 does not announce 10.113.0.0/20 over the interconnect")
                .allMatch(line -> !line.startsWith("sites[gcp-euw4]"), "the primary's own site reaches its VPC");
    }

    @Test
    void aServicenetworkingPeeringWithoutCustomRouteExportIsReported() throws Exception {
        Topology topology = data();
        var fabric = Reachability.Fabric.of(topology);
        var noExport = new Reachability.Fabric(fabric.announced(), false, fabric.forwarding(), fabric.resolvers());
        assertThat(Reachability.check(topology, InterconnectGraph.of(topology), noExport)).hasSize(10)
                .allSatisfy(f -> assertThat(f.message()).endsWith("the servicenetworking-googleapis-com peering of gcp-euw4 exports no custom routes,"
                        + " so Cloud SQL has no route back to this site"));
    }

    @Test
    void aFlexibleServerNameWithoutForwardingIsReportedOnTheSitesOutsideAzure() throws Exception {
        Topology topology = data();
        var fabric = Reachability.Fabric.of(topology);
        var noForwarding = new Reachability.Fabric(fabric.announced(), fabric.psaExportsRoutes(), Set.of(), fabric.resolvers());
        var findings = Reachability.check(topology, InterconnectGraph.of(topology), noForwarding);
        // 4 sites outside Azure x (write, read) of partition weu: the 8 entries.
        assertThat(findings).hasSize(8).extracting(f -> f.endpoint().site()).containsOnly("aws-use1", "aws-usw2", "gcp-euw4", "gcp-euw1");
        assertThat(findings.get(0).message()).contains("its private DNS zone answers only in the VNets of az-weu, az-neu");
        var noResolver = new Reachability.Fabric(fabric.announced(), fabric.psaExportsRoutes(), fabric.forwarding(), Set.of());
        assertThat(Reachability.check(topology, InterconnectGraph.of(topology), noResolver)).hasSize(8)
                .allSatisfy(f -> assertThat(f.message()).contains("no DNS Private Resolver inbound endpoint this site can route to"));
    }

    @Test
    void anAutoAllocatedCloudSqlRangeIsRefusedByTheParser() throws Exception {
        ObjectNode doc = stackTopology("data");
        ((ObjectNode) doc.withArray("sites").get(2).get("gcp")).remove("privateServicesCidr");
        assertThat(catchThrowableOfType(() -> TopologyParser.parse(doc), TopologyException.class).problems())
                .singleElement().asString().startsWith("sites[gcp-euw4].gcp.privateServicesCidr: required: this site's VPC holds Cloud SQL");
        ((ObjectNode) doc.withArray("sites").get(2).get("gcp")).put("privateServicesCidr", "10.11.0.0/20");
        assertThat(catchThrowableOfType(() -> TopologyParser.parse(doc), TopologyException.class).problems())
                .singleElement().asString().startsWith("sites[gcp-euw4].gcp.privateServicesCidr: 10.11.0.0/20 overlaps aws-use1's network.vpcCidr");
    }

    @Test
    void cloudSqlBehindAVpcPeeringIsRefusedBecausePeeringIsNotTransitive() throws Exception {
        ObjectNode doc = stackTopology("data");
        // A third GCP site is a spoke; with peering it joins the hubs by VPC peering.
        doc.withArray("sites").add(Fixtures.yaml("""
                name: gcp-usc1
                provider: gcp
                region: us-central1
                capacity: 100
                network: {vpcCidr: 10.17.0.0/16, podCidr: 100.87.0.0/16, serviceCidr: 172.17.112.0/20, asn: 64519}
                mesh: {clusterId: 7}
                kubernetes: {version: "1.31", apiAccessCidrs: [203.0.113.0/24], nodePools: [{name: system, machineType: e2-standard-4, min: 2, max: 6}]}
                gcp: {project: multisite-data-eu, masterIpv4Cidr: 192.168.17.0/28}
                """));
        assertThat(Reachability.check(TopologyParser.parse(doc))).as("over IPsec the spoke reaches the range").isEmpty();
        doc.with("network").with("interconnect").with("sameProviderLinks").put("gcp", "peering");
        List<String> problems = catchThrowableOfType(() -> TopologyParser.parse(doc), TopologyException.class).problems();
        assertThat(problems).contains("sites[gcp-usc1]: data endpoint partition eu write host (Cloud SQL private IP on gcp-euw4, on gcp-euw4) "
                + Reachability.MARKER + ": the path crosses the VPC peering gcp-usc1--gcp-euw4, and 10.113.0.0/20 is itself a peering route there"
                + " (VPC peering is not transitive)");
    }

    @Test
    void anExistingClusterGivenAFlexibleServerNameIsRefused() throws Exception {
        ObjectNode doc = (ObjectNode) Fixtures.valid();
        doc.set("data", Fixtures.yaml("{mode: primary-replica, primary: az-weu, engine: {version: '14'}}"));
        List<String> problems = catchThrowableOfType(() -> TopologyParser.parse(doc), TopologyException.class).problems();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("sites[metal-fra]: data endpoint"));
    }
}
