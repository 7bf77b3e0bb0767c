package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.stack.plan.PlanSummary;
import dev.multisite.stack.plan.PreviewDocument;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph.Link;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The inter-site network in the prod (5 sites) and global (13 sites) plans. */
class InterconnectPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An example stack's plan, or for {@code init-<n>} the plan of the n-site fleet `./multisite init` writes. */
    private static Plan plan(String stack) {
        return ExampleStacks.plan(stack);
    }

    private static PlannedResource named(Plan plan, String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name));
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> field == null ? n.asText() : n.path(field).asText()).toList();
    }

    private static List<String> remote(Topology topology, SiteSpec site, boolean vpcOnly) {
        return topology.sites().stream().filter(s -> s != site)
                .flatMap(s -> (vpcOnly ? List.of(s.network().vpcCidr()) : s.network().ranges()).stream()).map(Object::toString).toList();
    }

    @Test
    void prodHasTwoAwsHubsNineLinksAndTwentyFourTunnels() {
        JsonNode summary = plan("prod").outputs().get("interconnect");
        assertThat(summary.path("design").asText()).isEqualTo("two hubs per provider");
        assertThat(texts(summary.path("hubs").path("aws"), null)).containsExactly("aws-use1", "aws-euw1");
        assertThat(summary.path("sharedFate").isEmpty()).isTrue();
        // aws-gcp and aws-azure twice (one per AWS hub), gcp-azure, the AWS hubs (Cloud WAN), metal-fra to 3 hubs.
        assertThat(summary.path("links").asInt()).isEqualTo(9);
        // aws-gcp 2 x 4 + aws-azure 2 x 4 + gcp-azure 2 + metal-fra 3 x 2.
        assertThat(summary.path("tunnels").asInt()).isEqualTo(24);
        assertThat(summary.path("fullMeshLinks").asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void theResourcesRealiseExactlyTheLinksOfTheGraph(String stack) {
        Plan plan = plan(stack);
        var graph = InterconnectGraph.of(ExampleStacks.topology(stack));
        long awsSites = ExampleStacks.topology(stack).sites().stream().filter(site -> site.provider() == CloudProvider.AWS).count();
        boolean cloudWan = graph.links().stream().anyMatch(l -> l.kind() == InterconnectGraph.LinkKind.CLOUD_WAN);
        int awsConnections = 0;
        int gcpTunnels = 0;
        int azureConnections = 0;
        for (Link link : graph.links()) {
            int t = link.tunnels().size();
            CloudProvider a = link.a().provider();
            CloudProvider b = link.b().provider();
            awsConnections += a == CloudProvider.AWS ? t / 2 : 0;
            gcpTunnels += (a == CloudProvider.GCP ? t : 0) + (b == CloudProvider.GCP ? t : 0);
            if (b == CloudProvider.AZURE) {
                azureConnections += a == CloudProvider.AZURE ? 2 : t;
            } else if (a == CloudProvider.AZURE) {
                azureConnections += 1;
            }
        }
        assertThat(plan.ofType("aws:ec2transitgateway/peeringAttachment:PeeringAttachment")).isEmpty();
        assertThat(plan.ofType("aws:networkmanager/coreNetwork:CoreNetwork")).hasSize(cloudWan ? 1 : 0);
        assertThat(plan.ofType("aws:networkmanager/transitGatewayPeering:TransitGatewayPeering")).hasSize(cloudWan ? (int) awsSites : 0);
        assertThat(plan.ofType("aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment"))
                .hasSize(cloudWan ? (int) awsSites : 0);
        assertThat(plan.ofType("aws:ec2/vpnConnection:VpnConnection")).hasSize(awsConnections);
        assertThat(plan.ofType("gcp:compute/vPNTunnel:VPNTunnel")).hasSize(gcpTunnels);
        assertThat(plan.ofType("gcp:compute/routerPeer:RouterPeer")).hasSize(gcpTunnels);
        assertThat(plan.ofType("azure-native:network:VirtualNetworkGatewayConnection")).hasSize(azureConnections);
        long cloudSites = ExampleStacks.topology(stack).sites().stream().filter(s -> s.provider() != CloudProvider.EXISTING).count();
        assertThat(plan.ofType("aws:ec2transitgateway/transitGateway:TransitGateway").size()
                + plan.ofType("gcp:compute/haVpnGateway:HaVpnGateway").size()
                + plan.ofType("azure-native:network:VirtualNetworkGateway").size()).isEqualTo((int) cloudSites);
        assertThat(plan.outputs().get("interconnect").path("tunnels").asInt()).isEqualTo(graph.tunnelCount());
    }

    @Test
    void theGlobalInterconnectIsConnectedAndLinearInTheNumberOfSites() {
        var graph = InterconnectGraph.of(ExampleStacks.topology("global"));
        assertThat(graph.unreachable()).isEmpty();
        assertThat(graph.links()).hasSize(26);
        assertThat(graph.fullMeshLinkCount()).isEqualTo(78);
        int previousLinks = 0;
        int previousTunnels = 0;
        for (int sites : List.of(13, 26, 52)) {
            var generated = InterconnectGraph.of(ExampleStacks.init(sites));
            long existing = generated.siteNames().stream().filter(n -> generated.site(n).provider() == CloudProvider.EXISTING).count();
            long cloud = sites - existing;
            int hubs = generated.hubs().values().stream().mapToInt(List::size).sum();
            // Hubs of each provider pair linked first to first and second to second (6), each provider's
            // two hubs (3), two links per other cloud site, and each existing site to one hub per provider (3).
            assertThat(generated.links()).as(sites + " sites").hasSize((int) (6 + 3 + 2 * (cloud - hubs) + 3 * existing));
            assertThat(generated.links().size()).as(sites + " sites").isLessThanOrEqualTo(3 * sites + 9);
            assertThat(generated.tunnelCount()).as(sites + " sites").isLessThanOrEqualTo(8 * sites);
            assertThat(generated.links().size()).isGreaterThan(previousLinks);
            assertThat(generated.tunnelCount()).isGreaterThan(previousTunnels);
            previousLinks = generated.links().size();
            previousTunnels = generated.tunnelCount();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 26, 52})
    void noSitesLossDisconnectsAnyOtherPairInGeneratedFleets(int sites) {
        Topology topology = ExampleStacks.init(sites);
        var graph = InterconnectGraph.of(topology);
        assertThat(graph.sharedFate()).isEmpty();
        assertThat(graph.hubsSharingARegion()).isEmpty();
        for (String lost : graph.siteNames()) {
            var down = graph.regionOf(lost);
            var survivors = graph.siteNames().stream().filter(n -> !down.contains(n)).toList();
            for (String from : survivors) {
                for (String to : survivors) {
                    assertThat(graph.pathWithout(from, to, down)).as("without " + lost + ": " + from + " to " + to).isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everyAwsSiteRoutesEveryRemoteRangeToItsTransitGateway(String stack) {
        Plan plan = plan(stack);
        Topology topology = ExampleStacks.topology(stack);
        for (SiteSpec site : topology.sites().stream().filter(s -> s.provider() == CloudProvider.AWS).toList()) {
            var prefixList = named(plan, site.name() + "-net-remote-ranges");
            assertThat(texts(prefixList.inputs().path("entries"), "cidr")).as(site.name())
                    .containsExactlyInAnyOrderElementsOf(remote(topology, site, false));
            String tgw = plan.resources().stream().filter(r -> r.name().equals(site.name() + "-net-tgw")).findFirst().orElseThrow().urn();
            var routes = plan.ofType("aws:ec2/route:Route").stream().filter(r -> r.name().startsWith(site.name() + "-net-to-sites-")).toList();
            assertThat(routes).hasSize(3).allSatisfy(r -> {
                assertThat(r.inputs().path("destinationPrefixListId").asText()).startsWith(site.name() + "-net-remote-ranges-");
                assertThat(r.inputs().path("transitGatewayId").asText()).startsWith("tgw-");
                assertThat(r.dependencies()).contains(named(plan, site.name() + "-net-tgw-vpc").urn());
            });
            assertThat(tgw).isNotEmpty();
            assertThat(named(plan, site.name() + "-net-tgw").inputs().path("amazonSideAsn").asLong()).isEqualTo(site.asn());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.multisite.stack.ExampleStacks#names")
    void thePlanSummaryPrintsPerSiteThatItsLossCutsNothing(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        String summary = PlanSummary.render(plan(stack), topology);
        assertThat(summary).contains("interconnect (two hubs per provider)", "losing a site (with its region) cuts off:\n")
                .doesNotContain("shared fate").doesNotContain("waived");
        for (SiteSpec site : topology.sites()) {
            assertThat(summary).contains("    " + site.name() + " (" + site.region() + "): nothing\n");
        }
    }

    @Test
    void aWaivedSharedFateShowsInThePlanSummaryWithItsReason() throws Exception {
        Topology topology = globalWithPeering();
        var graph = InterconnectGraph.of(topology);
        var out = new StringBuilder();
        PlanSummary.appendInterconnect(out, graph, topology.network().interconnect());
        String azureHub = graph.firstHub(CloudProvider.AZURE).name();
        assertThat(out.toString()).contains("    " + azureHub + " (westeurope): az-southeastasia"
                + " [waived: Azure spokes use one hub's gateway through peering]\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "data"})
    void everyReplicasReplicationPathSurvivesTheLossOfAnyOtherSite(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        var graph = InterconnectGraph.of(topology);
        var data = topology.data();
        List<List<String>> pairs = new ArrayList<>();
        if (data.mode() == DataSettings.Mode.PARTITIONED) {
            data.partitions().forEach(p -> p.replicas().forEach(r -> pairs.add(List.of(p.authority(), r))));
        } else {
            topology.sites().stream().filter(s -> !s.name().equals(data.primary()) && s.provider() != CloudProvider.EXISTING
                            && (data.replicas().all() || data.replicas().sites().contains(s.name())))
                    .forEach(s -> pairs.add(List.of(data.primary(), s.name())));
        }
        assertThat(pairs).isNotEmpty();
        for (List<String> pair : pairs) {
            assertThat(graph.lossesCutting(pair.get(0), pair.get(1))).as(pair.get(0) + " to " + pair.get(1)).isEmpty();
            for (String lost : graph.siteNames()) {
                var down = graph.regionOf(lost);
                if (!down.contains(pair.get(0)) && !down.contains(pair.get(1))) {
                    assertThat(graph.pathWithout(pair.get(1), pair.get(0), down)).as(pair + " without " + lost).isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everyAwsSiteJoinsCloudWanWithDynamicRoutingInItsRegion(String stack) throws Exception {
        Plan plan = plan(stack);
        Topology topology = ExampleStacks.topology(stack);
        var document = JSON.readTree(named(plan, "interconnect-wan-policy").inputs().path("policyDocument").asText());
        var awsRegions = topology.sites().stream().filter(s -> s.provider() == CloudProvider.AWS).map(SiteSpec::region).distinct().toList();
        assertThat(texts(document.path("core-network-configuration").path("edge-locations"), "location")).containsExactlyElementsOf(awsRegions);
        assertThat(document.path("segments").get(0).path("require-attachment-acceptance").asBoolean(true)).isFalse();
        for (SiteSpec site : topology.sites().stream().filter(s -> s.provider() == CloudProvider.AWS).toList()) {
            var peering = named(plan, site.name() + "-net-wan-peering");
            assertThat(peering.inputs().path("transitGatewayArn").asText()).as(site.name())
                    .startsWith("arn:aws:ec2:" + site.region() + ":" + "123456789012" + ":transit-gateway/tgw-");
            assertThat(peering.dependencies()).contains(named(plan, "interconnect-wan-policy").urn(), named(plan, site.name() + "-net-wan-policy").urn());
            var association = named(plan, site.name() + "-net-wan-policy-assoc");
            assertThat(association.inputs().path("transitGatewayPolicyTableId").asText()).startsWith(site.name() + "-net-wan-policy-");
            var routes = named(plan, site.name() + "-net-wan-routes");
            assertThat(routes.inputs().path("transitGatewayRouteTableArn").asText())
                    .startsWith("arn:aws:ec2:" + site.region() + ":" + "123456789012" + ":transit-gateway-route-table/tgw-rtb-");
            assertThat(routes.dependencies()).contains(association.urn());
            // Network Manager resources are managed from its home region; the policy table lives with the Transit Gateway.
            assertThat(peering.provider()).startsWith(named(plan, "interconnect-wan-aws").urn());
            // "The Network Manager APIs are supported in the US West (Oregon) Region only" (its API reference).
            assertThat(named(plan, "interconnect-wan-aws").inputs().path("region").asText()).isEqualTo("us-west-2");
            assertThat(association.provider()).startsWith(named(plan, site.name() + "-aws").urn());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "data", "init-26", "init-52"})
    void everySpokeHasRoutesViaBothHubsOfItsProvider(String stack) {
        Plan plan = plan(stack);
        Topology topology = ExampleStacks.topology(stack);
        var graph = InterconnectGraph.of(topology);
        for (SiteSpec spoke : topology.sites()) {
            List<SiteSpec> hubs = graph.hubs().getOrDefault(spoke.provider(), List.of());
            if (hubs.size() < 2 || hubs.contains(spoke)) {
                continue;
            }
            for (SiteSpec hub : hubs) {
                var link = graph.linksOf(spoke.name()).stream().filter(l -> l.touches(hub.name())).findFirst().orElseThrow();
                // Every range of every other site reaches the spoke over this hub after some loss, or in normal operation.
                assertThat(graph.rangesVia(spoke.name(), link)).as(spoke.name() + " via " + hub.name())
                        .containsAll(remoteOf(topology, spoke, hubs));
                switch (spoke.provider()) {
                    case GCP -> assertThat(plan.ofType("gcp:compute/routerPeer:RouterPeer").stream()
                            .filter(r -> r.name().startsWith(hub.name() + "-net-tun-" + spoke.name() + "-")).toList())
                            .as(hub.name() + " announces to " + spoke.name()).isNotEmpty().allSatisfy(r -> {
                                assertThat(texts(r.inputs().path("advertisedIpRanges"), "range")).containsAll(
                                        remoteOf(topology, spoke, hubs).stream().map(Object::toString).toList());
                                assertThat(r.inputs().path("advertisedRoutePriority").asInt()).isEqualTo(link.preference().bgpPriority());
                            });
                    case AZURE -> assertThat(plan.ofType("azure-native:network:VirtualNetworkGatewayConnection").stream()
                            .filter(r -> r.name().startsWith(spoke.name() + "-net-") && r.name().contains(hub.name())).toList())
                            .as(spoke.name() + " connects to " + hub.name()).isNotEmpty()
                            .allSatisfy(r -> assertThat(r.inputs().path("enableBgp").asBoolean()).isTrue());
                    case AWS -> assertThat(named(plan, hub.name() + "-net-wan-routes").dependencies()).isNotEmpty();
                    case EXISTING -> {
                    }
                }
            }
        }
    }

    /** Every range of every site other than the spoke and the hub it is reached over. */
    private static List<Cidr> remoteOf(Topology topology, SiteSpec spoke, List<SiteSpec> hubs) {
        return topology.sites().stream().filter(s -> s != spoke && !hubs.contains(s)).flatMap(s -> s.network().ranges().stream()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everyGcpBgpSessionAnnouncesWhatTheRoutePlanSendsThroughIt(String stack) {
        Plan plan = plan(stack);
        Topology topology = ExampleStacks.topology(stack);
        var graph = InterconnectGraph.of(topology);
        Set<String> announcedToSomeone = new java.util.HashSet<>();
        for (Link link : graph.links()) {
            for (SiteSpec gcp : List.of(link.a(), link.b())) {
                if (gcp.provider() != CloudProvider.GCP) {
                    continue;
                }
                SiteSpec peer = link.other(gcp.name());
                var expected = graph.rangesVia(peer.name(), link).stream().map(Object::toString).toList();
                var peers = plan.ofType("gcp:compute/routerPeer:RouterPeer").stream()
                        .filter(r -> r.name().startsWith(gcp.name() + "-net-tun-" + peer.name() + "-")).toList();
                assertThat(peers).as(gcp.name() + " to " + peer.name()).hasSize(link.tunnels().size()).allSatisfy(r -> {
                    assertThat(texts(r.inputs().path("advertisedIpRanges"), "range")).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(r.inputs().path("peerAsn").asLong()).isEqualTo(peer.asn());
                });
                announcedToSomeone.addAll(expected);
            }
        }
        // Every range of every GCP site is announced to some peer, so no GCP range is unreachable.
        topology.sites().stream().filter(s -> s.provider() == CloudProvider.GCP)
                .forEach(s -> s.network().ranges().forEach(r -> assertThat(announcedToSomeone).contains(r.toString())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everySiteHasAPathToEveryRemoteVpcAndPodRange(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        var graph = InterconnectGraph.of(topology);
        for (SiteSpec site : topology.sites()) {
            assertThat(graph.routes(site.name()).stream().map(r -> r.destination().toString()).toList()).as(site.name())
                    .containsExactlyInAnyOrderElementsOf(remote(topology, site, false));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void firewallsOpenOnlyTheMeshPortsAndOnlyToRemoteVpcRanges(String stack) {
        Plan plan = plan(stack);
        Topology topology = ExampleStacks.topology(stack);
        // vxlan datapath with WireGuard and internal-LB apiservers in both stacks.
        var expectedPorts = Set.of("tcp-4240", "icmp", "udp-8472", "udp-51871", "tcp-2379");
        assertThat(InterSitePort.required(topology).stream().map(InterSitePort::key).collect(Collectors.toSet())).isEqualTo(expectedPorts);
        for (SiteSpec site : topology.sites()) {
            List<String> remoteVpcs = remote(topology, site, true);
            switch (site.provider()) {
                case AWS -> {
                    var rules = plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                            .filter(r -> r.name().startsWith(site.name() + "-net-from-sites-")).toList();
                    assertThat(rules.stream().map(r -> r.inputs().path("ipProtocol").asText() + (r.inputs().path("ipProtocol").asText().equals("icmp")
                            ? "" : "-" + r.inputs().path("fromPort").asInt())).collect(Collectors.toSet())).isEqualTo(expectedPorts);
                    assertThat(rules).allSatisfy(r -> {
                        assertThat(r.inputs().path("fromPort").asInt()).isEqualTo(r.inputs().path("ipProtocol").asText().equals("icmp") ? 8 : r.inputs().path("toPort").asInt());
                        assertThat(r.inputs().path("prefixListId").asText()).startsWith(site.name() + "-net-remote-nodes-");
                        assertThat(r.inputs().has("cidrIpv4")).isFalse();
                    });
                    assertThat(texts(named(plan, site.name() + "-net-remote-nodes").inputs().path("entries"), "cidr"))
                            .containsExactlyInAnyOrderElementsOf(remoteVpcs);
                }
                case GCP -> {
                    var firewall = named(plan, site.name() + "-net-from-sites").inputs();
                    assertThat(texts(firewall.path("sourceRanges"), null)).containsExactlyInAnyOrderElementsOf(remoteVpcs);
                    List<String> opened = new ArrayList<>();
                    firewall.path("allows").forEach(a -> {
                        if (a.path("ports").isEmpty()) {
                            opened.add(a.path("protocol").asText());
                        }
                        a.path("ports").forEach(p -> opened.add(a.path("protocol").asText() + "-" + p.asText()));
                    });
                    assertThat(opened).containsExactlyInAnyOrderElementsOf(expectedPorts);
                }
                case AZURE -> {
                    var rules = plan.ofType("azure-native:network:SecurityRule").stream()
                            .filter(r -> r.name().startsWith(site.name() + "-net-from-sites-")).toList();
                    assertThat(rules).hasSize(expectedPorts.size()).allSatisfy(r -> {
                        assertThat(texts(r.inputs().path("sourceAddressPrefixes"), null)).containsExactlyInAnyOrderElementsOf(remoteVpcs);
                        assertThat(r.inputs().path("destinationAddressPrefix").asText()).isEqualTo(site.network().vpcCidr().toString());
                        assertThat(r.inputs().path("access").asText()).isEqualTo("Allow");
                        assertThat(r.inputs().path("direction").asText()).isEqualTo("Inbound");
                    });
                    assertThat(rules.stream().map(r -> r.inputs().path("protocol").asText().toLowerCase()
                            + (r.inputs().path("protocol").asText().equals("Icmp") ? "" : "-" + r.inputs().path("destinationPortRange").asText()))
                            .collect(Collectors.toSet())).isEqualTo(expectedPorts);
                }
                default -> {
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void preSharedKeysAreNeverPlain(String stack) throws Exception {
        Plan plan = plan(stack);
        assertThat(plan.ofType("random:index/randomPassword:RandomPassword")).isNotEmpty();
        assertThat(plan.ofType("aws:ec2/vpnConnection:VpnConnection")).allSatisfy(r -> {
            assertThat(r.inputs().path("tunnel1PresharedKey").asText()).isEqualTo("[secret]");
            assertThat(r.inputs().path("tunnel2PresharedKey").asText()).isEqualTo("[secret]");
        });
        assertThat(plan.ofType("gcp:compute/vPNTunnel:VPNTunnel")).allSatisfy(r ->
                assertThat(r.inputs().path("sharedSecret").asText()).isEqualTo("[secret]"));
        assertThat(plan.ofType("azure-native:network:VirtualNetworkGatewayConnection")).allSatisfy(r ->
                assertThat(r.inputs().path("sharedKey").asText()).isEqualTo("[secret]"));
        assertThat(plan.outputs().get("onPremVpn").asText()).isEqualTo("[secret]");
        String json = PreviewDocument.of(plan, ExampleStacks.read(stack).config(), 0).toJson() + plan.outputs();
        // The mock engine's generated keys start with this; none may reach the preview or the outputs.
        assertThat(json).doesNotContain("offline-plan-key-");
    }

    /**
     * global with GCP and Azure sites joined by peering instead of spoke VPNs. An Azure VNet uses
     * one peering's remote gateway only, so the Azure spokes depend on the first Azure hub: waived.
     */
    private static Topology globalWithPeering() throws Exception {
        var topology = ExampleStacks.topologyTree("global");
        var interconnect = topology.with("network").with("interconnect");
        interconnect.with("sameProviderLinks").put("gcp", "peering").put("azure", "peering");
        interconnect.with("waivers").put("az-westeurope", "Azure spokes use one hub's gateway through peering");
        return TopologyParser.parse(topology);
    }

    @Test
    void peeringJoinsEveryTwoSitesOfAProviderAndAzureSpokesLeanOnTheFirstHub() throws Exception {
        Topology topology = globalWithPeering();
        var graph = InterconnectGraph.of(topology);
        assertThat(graph.unreachable()).isEmpty();
        var peerings = graph.links().stream().filter(l -> l.kind() == InterconnectGraph.LinkKind.PEERING).toList();
        // Three GCP and three Azure sites: each spoke peers with both hubs; the two hubs keep their tunnels.
        assertThat(peerings).hasSize(4).allSatisfy(l -> assertThat(l.tunnels()).isEmpty());
        // The GCP spoke's two links (2 tunnels each) and the Azure spoke's (4 each) become peerings.
        assertThat(graph.tunnelCount()).isEqualTo(InterconnectGraph.of(ExampleStacks.topology("global")).tunnelCount() - 2 * 2 - 2 * 4);
        String gcpHub = graph.firstHub(CloudProvider.GCP).name();
        String awsHub = graph.firstHub(CloudProvider.AWS).name();
        String azureHub = graph.firstHub(CloudProvider.AZURE).name();
        var gcpSpoke = topology.sites().stream().filter(s -> s.provider() == CloudProvider.GCP && !graph.isHub(s.name())).findFirst().orElseThrow();
        var azureSpoke = topology.sites().stream().filter(s -> s.provider() == CloudProvider.AZURE && !graph.isHub(s.name())).findFirst().orElseThrow();
        assertThat(graph.path(gcpSpoke.name(), awsHub).orElseThrow()).extracting(Link::kind)
                .containsExactly(InterconnectGraph.LinkKind.PEERING, InterconnectGraph.LinkKind.IPSEC_BGP);
        // GCP spokes import routes from both hubs; Azure spokes only through the first hub's gateway: the waived shared fate.
        assertThat(graph.cutOffWithout(graph.hubs().get(CloudProvider.GCP).get(0).name())).isEmpty();
        assertThat(graph.sharedFate()).containsOnlyKeys(azureHub).containsEntry(azureHub, List.of(azureSpoke.name()));

        Plan plan = dev.multisite.stack.plan.OfflinePlanner.plan("global", topology);
        assertThat(plan.ofType("gcp:compute/networkPeering:NetworkPeering")).hasSize(4);
        assertThat(plan.ofType("azure-native:network:VirtualNetworkPeering")).hasSize(4);
        // Only hubs keep gateways.
        assertThat(plan.ofType("gcp:compute/haVpnGateway:HaVpnGateway")).hasSize(2);
        assertThat(plan.ofType("azure-native:network:VirtualNetworkGateway")).hasSize(2);
        for (PlannedResource peering : plan.ofType("azure-native:network:VirtualNetworkPeering")) {
            boolean lends = peering.name().startsWith(azureHub + "-") && peering.name().endsWith("-peer-" + azureSpoke.name());
            boolean uses = peering.name().startsWith(azureSpoke.name() + "-") && peering.name().endsWith("-peer-" + azureHub);
            assertThat(peering.inputs().path("allowGatewayTransit").asBoolean()).as(peering.name()).isEqualTo(lends);
            assertThat(peering.inputs().path("useRemoteGateways").asBoolean()).as(peering.name()).isEqualTo(uses);
        }
        for (PlannedResource peering : plan.ofType("gcp:compute/networkPeering:NetworkPeering")) {
            boolean fromHubToSpoke = !peering.name().startsWith(gcpSpoke.name() + "-") && peering.name().endsWith("-peer-" + gcpSpoke.name());
            assertThat(peering.inputs().path("exportCustomRoutes").asBoolean()).as(peering.name()).isEqualTo(fromHubToSpoke);
        }
        // The GCP hub announces its peered spoke's ranges to the AWS hub.
        var announced = plan.ofType("gcp:compute/routerPeer:RouterPeer").stream().filter(r -> r.name().startsWith(gcpHub + "-net-tun-" + awsHub + "-"))
                .flatMap(r -> texts(r.inputs().path("advertisedIpRanges"), "range").stream()).collect(Collectors.toSet());
        assertThat(announced).contains(gcpSpoke.network().vpcCidr().toString(), gcpSpoke.network().podCidr().toString());
    }

    @Test
    void theNetworkDocShowsProdsCurrentLinkGraph() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/network.md"));
        assertThat(doc).as("docs/network.md's prod link graph is out of date: paste InterconnectDiagram.mermaid(prod)")
                .contains("```mermaid\n" + dev.multisite.stack.runbook.InterconnectDiagram.mermaid(ExampleStacks.topology("prod")) + "```");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void tunnelInsideNetworksAreUniqueAcrossTheWholeStack(String stack) {
        Plan plan = plan(stack);
        List<String> insides = new ArrayList<>();
        plan.ofType("aws:ec2/vpnConnection:VpnConnection").forEach(r -> {
            insides.add(r.inputs().path("tunnel1InsideCidr").asText());
            insides.add(r.inputs().path("tunnel2InsideCidr").asText());
        });
        assertThat(insides).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).matches("169\\.254\\.(2[12]|6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])\\.\\d+/30"));
    }
}
