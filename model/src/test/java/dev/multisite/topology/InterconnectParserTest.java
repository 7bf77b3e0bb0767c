package dev.multisite.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.multisite.topology.Fixtures.problemOf;
import static dev.multisite.topology.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The inter-site network's invariants, checked at parse time on the four-provider fixture. */
class InterconnectParserTest {

    private static ObjectNode vpn(ObjectNode doc) {
        return (ObjectNode) site(doc, 3).with("existing").with("vpn");
    }

    @Test
    void defaultAsnsFollowTheClusterIdsAndAreUnique() {
        var topology = TopologyParser.parse(Fixtures.valid());
        assertThat(topology.sites().stream().map(SiteSpec::asn).toList()).containsExactly(64513L, 64514L, 64515L, 64516L);
        assertThat(topology.network().interconnect().enabled()).isTrue();
    }

    @Test
    void anAwsRegionCloudWanDoesNotServeIsRejected() {
        // ap-southeast-5 has the AWS region shape but is not in AWS's Cloud WAN Region list.
        assertThat(problemOf(doc -> site(doc, 0).put("region", "ap-southeast-5")))
                .startsWith("sites[aws-use1].region: ap-southeast-5 is not a Region AWS Cloud WAN serves");
        assertThat(CloudWanPolicy.EDGE_REGIONS).contains("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1");
        var off = Fixtures.valid();
        site(off, 0).put("region", "ap-southeast-5");
        off.with("network").with("interconnect").put("enabled", false);
        off.with("mesh").put("apiserverExposure", "nodeport");
        assertThat(TopologyParser.parse(off).site("aws-use1").orElseThrow().region()).as("no core network without the interconnect")
                .isEqualTo("ap-southeast-5");
    }

    @Test
    void anAsnUsedTwiceIsRejectedNamingBothSites() {
        assertThat(problemOf(doc -> {
            site(doc, 0).with("network").put("asn", 64700);
            site(doc, 1).with("network").put("asn", 64700);
        })).isEqualTo("sites[gcp-euw4].network.asn: 64700 is already the ASN of aws-use1;"
                + " every site needs its own ASN so BGP does not drop its routes as a loop");
    }

    @Test
    void anExplicitAsnCollidingWithAnotherSitesDefaultIsRejected() {
        assertThat(problemOf(doc -> site(doc, 2).with("network").put("asn", 64513)))
                .isEqualTo("sites[az-weu].network.asn: 64513 is already the ASN of aws-use1;"
                        + " every site needs its own ASN so BGP does not drop its routes as a loop");
    }

    @Test
    void asnsMustBePrivateAndFitTheProvider() {
        assertThat(problemOf(doc -> site(doc, 0).with("network").put("asn", 16509)))
                .isEqualTo("sites[aws-use1].network.asn: 16509 is not a private ASN; use 64512..65534 or 4200000000..4294967294");
        assertThat(problemOf(doc -> site(doc, 2).with("network").put("asn", 65515)))
                .isEqualTo("sites[az-weu].network.asn: 65515 is reserved by Azure; an Azure VPN gateway rejects 65515 and 65517..65520");
        assertThat(problemOf(doc -> site(doc, 1).with("network").put("asn", 4200000001L)))
                .startsWith("sites[gcp-euw4].network.asn: 4200000001 is a 32-bit ASN; for gcp sites use 64512..65534");
        assertThat(TopologyParser.parse(withAsn(Fixtures.valid(), 3, 4200000001L)).sites().get(3).asn()).isEqualTo(4200000001L);
        assertThat(problemOf(doc -> site(doc, 3).with("network").put("asn", 4294967100L)))
                .isEqualTo("sites[metal-fra].network.asn: 4294967100 is kept for the AWS Cloud WAN core network edges (4294967000..4294967294);"
                        + " choose another private ASN");
    }

    private static ObjectNode withAsn(ObjectNode doc, int index, long asn) {
        site(doc, index).with("network").put("asn", asn);
        return doc;
    }

    @Test
    void anExistingSiteWithoutAVpnEndpointIsIsolated() {
        var thrown = catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(removeVpn(Fixtures.valid())));
        assertThat(thrown.problems()).containsExactly("sites[metal-fra].existing.vpn: required while network.interconnect is enabled;"
                + " set publicIp (the site's VPN device) so the hubs can build tunnels to it, otherwise the site is isolated");
    }

    private static ObjectNode removeVpn(ObjectNode doc) {
        ((ObjectNode) site(doc, 3).get("existing")).remove("vpn");
        return doc;
    }

    @Test
    void theReachabilityCheckRejectsASiteNoLinkReaches() {
        assertThat(problemOf(doc -> vpn(doc).putArray("attachTo")))
                .isEqualTo("sites[metal-fra]: is isolated: no inter-site link reaches it, so the mesh and the database cannot cross to it;"
                        + " list at least one hub in existing.vpn.attachTo");
        var sites = TopologyParser.parse(Fixtures.valid()).sites().stream()
                .map(s -> s.provider() == CloudProvider.EXISTING ? withVpn(s, new VpnEndpoint("203.0.113.10", List.of())) : s).toList();
        var graph = InterconnectGraph.of(new Topology("example.com", null, null, sites, null, null, null, null, null));
        assertThat(graph.unreachable()).containsOnlyKeys("aws-use1", "gcp-euw4", "az-weu", "metal-fra")
                .containsEntry("metal-fra", List.of("aws-use1", "gcp-euw4", "az-weu"));
    }

    private static ObjectNode attachTo(ObjectNode doc) {
        vpn(doc).putArray("attachTo");
        return doc;
    }

    private static SiteSpec withVpn(SiteSpec s, VpnEndpoint vpn) {
        return new SiteSpec(s.name(), s.provider(), s.region(), s.capacity(), s.network(), s.mesh(), s.kubernetes(), s.aws(), s.gcp(), s.azure(),
                new ExistingSettings(s.existing().kubeconfig(), s.existing().context(), vpn));
    }

    @Test
    void anExistingSiteOnOneHubIsRefusedByNameUnlessWaivedAndThenReachesEverySiteThroughIt() {
        assertThat(problemOf(doc -> vpn(doc).putArray("attachTo").add("gcp-euw4")))
                .isEqualTo("sites[gcp-euw4]: losing it (with its region europe-west4) cuts metal-fra off from the other sites;"
                        + " attach them to a second hub (network.interconnect.hubs, existing.vpn.attachTo),"
                        + " or accept it with network.interconnect.waivers.gcp-euw4: <reason>");
        ObjectNode doc = Fixtures.valid();
        vpn(doc).putArray("attachTo").add("gcp-euw4");
        doc.with("network").with("interconnect").with("waivers").put("gcp-euw4", "the lab has one VPN device and one uplink");
        var graph = InterconnectGraph.of(TopologyParser.parse(doc));
        assertThat(graph.unreachable()).isEmpty();
        assertThat(graph.path("metal-fra", "aws-use1").orElseThrow()).extracting(InterconnectGraph.Link::name)
                .containsExactly("gcp-euw4--metal-fra", "aws-use1--gcp-euw4");
        assertThat(graph.sharedFate()).containsExactly(Map.entry("gcp-euw4", List.of("metal-fra")));
        // A replica at metal-fra of a primary at aws-use1 would lose its replication path with gcp-euw4.
        assertThat(graph.lossesCutting("aws-use1", "metal-fra")).containsExactly("gcp-euw4");
        assertThat(graph.lossesCutting("aws-use1", "az-weu")).isEmpty();
    }

    @Test
    void waiversMustNameASiteGiveAReasonAndWaiveSomething() {
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("waivers").put("aws-use9", "x")))
                .isEqualTo("network.interconnect.waivers.aws-use9: 'aws-use9' is not a site; a waiver names the site whose region's loss it accepts");
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("waivers").put("aws-use1", " ")))
                .isEqualTo("network.interconnect.waivers.aws-use1: needs a reason (a non-empty string): why losing this site's region may cut others off");
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("waivers").put("aws-use1", "just in case")))
                .isEqualTo("network.interconnect.waivers.aws-use1: waives nothing: losing aws-use1's region cuts no site off"
                        + " and takes no provider's two hubs; remove it");
    }

    @Test
    void vpnEndpointFieldsAreChecked() {
        assertThat(problemOf(doc -> vpn(doc).put("publicIp", "10.20.30.40")))
                .isEqualTo("sites[metal-fra].existing.vpn.publicIp: '10.20.30.40' is not a public IPv4 address;"
                        + " the clouds' VPN gateways must reach it over the internet");
        assertThat(problemOf(doc -> vpn(doc).putArray("attachTo").add("aws-use2")))
                .isEqualTo("sites[metal-fra].existing.vpn.attachTo: 'aws-use2' is not a hub; use aws-use1, az-weu, gcp-euw4");
    }

    @Test
    void hubsAreOneOrTwoSitesOfTheirProvider() {
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("hubs").putArray("aws").add("gcp-euw4")))
                .isEqualTo("network.interconnect.hubs.aws: 'gcp-euw4' is a gcp site; the aws hubs must be among aws-use1");
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("hubs").putArray("existing").add("metal-fra")))
                .isEqualTo("network.interconnect.hubs.existing: 'existing' has no hub; hubs are set for aws, gcp or azure");
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("hubs").putArray("aws").add("aws-use1").add("aws-use1")))
                .isEqualTo("network.interconnect.hubs.aws: 'aws-use1' is listed twice; the two hubs must be two sites");
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("hubs").putArray("aws")))
                .isEqualTo("network.interconnect.hubs.aws: 0 sites listed; list one or two aws sites (the preferred hub first), e.g. [aws-use1]");
    }

    /** The fixture with a second and third AWS site: aws-euw1 (another region) and aws-use1b (the first hub's region). */
    private static ObjectNode withMoreAwsSites() {
        ObjectNode doc = Fixtures.valid();
        doc.withArray("sites").add(awsSite(doc, "aws-use1b", "us-east-1", 2));
        doc.withArray("sites").add(awsSite(doc, "aws-euw1", "eu-west-1", 3));
        return doc;
    }

    private static ObjectNode awsSite(ObjectNode doc, String name, String region, int n) {
        var copy = (ObjectNode) site(doc, 0).deepCopy();
        copy.put("name", name).put("region", region);
        copy.with("network").put("vpcCidr", "10." + (4 + n) + ".0.0/16").put("podCidr", "100." + (68 + n) + ".0.0/16")
                .put("serviceCidr", "172.16." + (16 * (4 + n)) + ".0/20");
        copy.with("mesh").put("clusterId", 4 + n);
        return copy;
    }

    @Test
    void aProviderWithTwoSitesGetsASecondHubInAnotherRegionAndItsSpokesAttachToBoth() {
        var graph = InterconnectGraph.of(TopologyParser.parse(withMoreAwsSites()));
        assertThat(graph.hubs().get(CloudProvider.AWS)).extracting(SiteSpec::name).containsExactly("aws-use1", "aws-euw1");
        assertThat(graph.linksOf("aws-use1b")).extracting(InterconnectGraph.Link::name, InterconnectGraph.Link::preference).containsExactly(
                tuple("aws-use1b--aws-use1", InterconnectGraph.Preference.PRIMARY),
                tuple("aws-use1b--aws-euw1", InterconnectGraph.Preference.BACKUP));
        // Hubs of two providers: first to first, second to second (one hub links to both of the other's).
        assertThat(graph.links()).filteredOn(l -> l.role() == InterconnectGraph.Role.HUB_TO_HUB).extracting(InterconnectGraph.Link::name)
                .contains("aws-use1--gcp-euw4", "aws-euw1--gcp-euw4", "aws-euw1--aws-use1");
        assertThat(graph.sharedFate()).isEmpty();
    }

    @Test
    void theCloudWanPolicyHasOneEdgePerAwsRegionAndOneSegmentWithoutAcceptance() throws Exception {
        var doc = new ObjectMapper().readTree(CloudWanPolicy.document(TopologyParser.parse(withMoreAwsSites())));
        assertThat(doc.path("version").asText()).isEqualTo("2021.12");
        assertThat(doc.path("core-network-configuration").path("asn-ranges").get(0).asText()).isEqualTo("4294967000-4294967294");
        assertThat(doc.path("core-network-configuration").path("edge-locations").findValuesAsText("location"))
                .containsExactly("us-east-1", "eu-west-1");
        assertThat(doc.path("segments")).singleElement().satisfies(segment -> {
            assertThat(segment.path("name").asText()).isEqualTo(CloudWanPolicy.SEGMENT);
            assertThat(segment.path("require-attachment-acceptance").asBoolean(true)).isFalse();
        });
        var rule = doc.path("attachment-policies").get(0);
        assertThat(rule.path("action").path("segment").asText()).isEqualTo(CloudWanPolicy.SEGMENT);
        assertThat(rule.path("conditions").get(0).path("type").asText()).isEqualTo("any");
    }

    @Test
    void aProvidersTwoHubsInOneRegionAreRefusedByNameUnlessWaived() {
        assertThat(problemOf(doc -> {
            doc.withArray("sites").add(awsSite(doc, "aws-use1b", "us-east-1", 2));
            doc.with("network").with("interconnect").with("hubs").putArray("aws").add("aws-use1").add("aws-use1b");
        })).isEqualTo("network.interconnect.hubs.aws: aws-use1 and aws-use1b are both in us-east-1, so one region outage takes both aws hubs;"
                + " list two hubs in different regions (add a aws site in another region), or accept it with network.interconnect.waivers.aws-use1: <reason>");
        ObjectNode doc = Fixtures.valid();
        doc.withArray("sites").add(awsSite(doc, "aws-use1b", "us-east-1", 2));
        doc.with("network").with("interconnect").with("waivers").put("aws-use1b", "a second region is next quarter");
        var graph = InterconnectGraph.of(TopologyParser.parse(doc));
        assertThat(graph.hubsSharingARegion()).containsOnlyKeys(CloudProvider.AWS);
    }

    @Test
    void sameProviderLinksAreVpnOrPeeringForGcpAndAzure() {
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("sameProviderLinks").put("aws", "peering")))
                .isEqualTo("network.interconnect.sameProviderLinks.aws: 'aws' has no choice here; set it for gcp or azure"
                        + " (aws sites always join through Cloud WAN)");
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").with("sameProviderLinks").put("gcp", "mesh")))
                .isEqualTo("network.interconnect.sameProviderLinks.gcp: 'mesh' is not allowed; use vpn or peering");
    }

    @Test
    void anAzureVnetNeedsRoomForItsGatewaySubnet() {
        assertThat(problemOf(doc -> site(doc, 2).with("network").put("vpcCidr", "10.3.0.0/24")))
                .isEqualTo("sites[az-weu].network.vpcCidr: 10.3.0.0/24 leaves no /27 GatewaySubnet for the VPN gateway;"
                        + " use /23 or wider for azure sites with a VPN gateway");
    }

    @Test
    void withoutTheInterconnectTheInternalApiserversAreUnreachable() {
        assertThat(problemOf(doc -> doc.with("network").with("interconnect").put("enabled", false)))
                .startsWith("network.interconnect.enabled: false, but mesh.apiserverExposure loadbalancer is an internal load balancer");
        ObjectNode nodePort = Fixtures.valid();
        nodePort.with("network").with("interconnect").put("enabled", false);
        nodePort.with("mesh").put("apiserverExposure", "nodeport");
        assertThat(InterconnectGraph.of(TopologyParser.parse(nodePort)).links()).isEmpty();
    }

    @Test
    void theFixtureHasOneHubPerProviderAndTheExistingSiteOnEveryHub() {
        var graph = InterconnectGraph.of(TopologyParser.parse(Fixtures.valid()));
        assertThat(graph.links()).extracting(InterconnectGraph.Link::name).containsExactly(
                "aws-use1--gcp-euw4", "aws-use1--az-weu", "gcp-euw4--az-weu",
                "aws-use1--metal-fra", "gcp-euw4--metal-fra", "az-weu--metal-fra");
        // AWS pairs two VPN connections with each two-address gateway; the rest pair two interfaces.
        assertThat(graph.links()).extracting(l -> l.tunnels().size()).containsExactly(4, 4, 2, 2, 2, 2);
        assertThat(graph.tunnelCount()).isEqualTo(16);
        assertThat(graph.fullMeshLinkCount()).isEqualTo(6);
    }

    @Test
    void everyTunnelHasItsOwnInsideNetworkAndAzureOnesAreInItsApipaRanges() {
        var graph = InterconnectGraph.of(TopologyParser.parse(Fixtures.valid()));
        var insides = graph.links().stream().flatMap(l -> l.tunnels().stream()).map(InterconnectGraph.Tunnel::inside).toList();
        assertThat(insides).hasSize(16).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c.prefixLength()).isEqualTo(30));
        for (var link : graph.links()) {
            boolean azure = link.touches("az-weu");
            assertThat(link.tunnels()).as(link.name()).allSatisfy(t -> assertThat(azure
                    ? InterconnectGraph.AZURE_INSIDE_RANGES.stream().anyMatch(r -> r.contains(t.inside()))
                    : InterconnectGraph.INSIDE_RANGE.contains(t.inside())).isTrue());
        }
        var first = graph.links().get(0).tunnels().get(0);
        assertThat(first.aAddress()).isEqualTo("169.254.64.1");
        assertThat(first.bAddress()).isEqualTo("169.254.64.2");
        assertThat(graph.azureInsideNetworkCount()).isEqualTo(4 + 2 + 2);
    }

    @Test
    void everySiteHasARouteToEveryRemoteVpcPodAndServiceRange() {
        var topology = TopologyParser.parse(Fixtures.valid());
        var graph = InterconnectGraph.of(topology);
        for (SiteSpec site : topology.sites()) {
            var expected = topology.sites().stream().filter(s -> s != site).flatMap(s -> s.network().ranges().stream()).toList();
            assertThat(graph.routes(site.name())).extracting(InterconnectGraph.Route::destination)
                    .as(site.name()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(graph.routes(site.name())).allSatisfy(r -> assertThat(r.via().touches(site.name())).isTrue());
        }
    }

    @Test
    void spokesAndExistingSitesNeverCarryTransitAndNoRegionsLossCutsAnyone() {
        var topology = TopologyParser.parse(withMoreAwsSites());
        var graph = InterconnectGraph.of(topology);
        assertThat(graph.path("aws-use1b", "metal-fra").orElseThrow()).extracting(InterconnectGraph.Link::name)
                .containsExactly("aws-use1b--aws-use1", "aws-use1--metal-fra");
        // Losing us-east-1 (the first AWS hub and the spoke beside it): the second hub takes over.
        assertThat(graph.regionOf("aws-use1")).containsExactly("aws-use1", "aws-use1b");
        assertThat(graph.cutOffWithout("aws-use1")).isEmpty();
        assertThat(graph.pathWithout("aws-euw1", "metal-fra", graph.regionOf("aws-use1")).orElseThrow())
                .extracting(InterconnectGraph.Link::name).containsExactly("aws-euw1--gcp-euw4", "gcp-euw4--metal-fra");
        for (SiteSpec from : topology.sites()) {
            for (SiteSpec to : topology.sites()) {
                var path = graph.path(from.name(), to.name()).orElseThrow();
                String at = from.name();
                for (int i = 0; i < path.size() - 1; i++) {
                    at = path.get(i).other(at).name();
                    assertThat(graph.isHub(at)).as(from.name() + " to " + to.name() + " transits " + at).isTrue();
                }
            }
        }
    }
}
