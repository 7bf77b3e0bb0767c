package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.stack.cli.ExampleTopology;
import dev.multisite.stack.plan.Plan;
import dev.multisite.stack.plan.PlannedResource;
import dev.multisite.stack.plan.PreviewDocument;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph.Link;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The inter-site network in the prod (5 sites) and global (13 sites) plans. */
class InterconnectPlanTest {
    private static final Map<String, Plan> PLANS = new HashMap<>();

    private static Plan plan(String stack) {
        return PLANS.computeIfAbsent(stack, ExampleStacks::plan);
    }

    private static Topology topology(String stack) {
        return ExampleStacks.read(stack).topology();
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
    void prodHasThreeHubsSevenLinksAndSixteenTunnels() {
        JsonNode summary = plan("prod").outputs().get("interconnect");
        assertThat(summary.path("design").asText()).isEqualTo("hub-and-spoke");
        assertThat(summary.path("hubs").path("aws").asText()).isEqualTo("aws-use1");
        // 3 hub pairs + aws-euw1 peered to aws-use1 + metal-fra to each of the 3 hubs.
        assertThat(summary.path("links").asInt()).isEqualTo(7);
        // aws-gcp 4 + aws-azure 4 + gcp-azure 2 + metal-fra 3 x 2.
        assertThat(summary.path("tunnels").asInt()).isEqualTo(16);
        assertThat(summary.path("fullMeshLinks").asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void theResourcesRealiseExactlyTheLinksOfTheGraph(String stack) {
        Plan plan = plan(stack);
        var graph = InterconnectGraph.of(topology(stack));
        long peerings = graph.links().stream().filter(l -> l.kind() == InterconnectGraph.LinkKind.TRANSIT_GATEWAY_PEERING).count();
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
        assertThat(plan.ofType("aws:ec2transitgateway/peeringAttachment:PeeringAttachment")).hasSize((int) peerings);
        assertThat(plan.ofType("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter")).hasSize((int) peerings);
        assertThat(plan.ofType("aws:ec2/vpnConnection:VpnConnection")).hasSize(awsConnections);
        assertThat(plan.ofType("gcp:compute/vPNTunnel:VPNTunnel")).hasSize(gcpTunnels);
        assertThat(plan.ofType("gcp:compute/routerPeer:RouterPeer")).hasSize(gcpTunnels);
        assertThat(plan.ofType("azure-native:network:VirtualNetworkGatewayConnection")).hasSize(azureConnections);
        long cloudSites = topology(stack).sites().stream().filter(s -> s.provider() != CloudProvider.EXISTING).count();
        assertThat(plan.ofType("aws:ec2transitgateway/transitGateway:TransitGateway").size()
                + plan.ofType("gcp:compute/haVpnGateway:HaVpnGateway").size()
                + plan.ofType("azure-native:network:VirtualNetworkGateway").size()).isEqualTo((int) cloudSites);
        assertThat(plan.outputs().get("interconnect").path("tunnels").asInt()).isEqualTo(graph.tunnelCount());
    }

    @Test
    void theGlobalInterconnectIsConnectedAndLinearInTheNumberOfSites() {
        var graph = InterconnectGraph.of(topology("global"));
        assertThat(graph.unreachable()).isEmpty();
        assertThat(graph.links()).hasSize(19);
        assertThat(graph.fullMeshLinkCount()).isEqualTo(78);
        int previousLinks = 0;
        int previousTunnels = 0;
        for (int sites : List.of(13, 26, 63)) {
            var generated = InterconnectGraph.of(TopologyParser.parse(ExampleTopology.stackFile(sites, List.of(CloudProvider.values()), "example.com")
                    .path("config").path("multisite:topology")));
            int existing = (int) generated.links().stream().filter(l -> l.role() == InterconnectGraph.Role.EXISTING_TO_HUB).count() / 3;
            // 3 hub pairs, one link per other cloud site, one per existing site and hub.
            assertThat(generated.links()).hasSize(3 + (sites - existing - 3) + 3 * existing);
            assertThat(generated.tunnelCount()).isLessThanOrEqualTo(6 * sites);
            assertThat(generated.links().size()).isGreaterThan(previousLinks);
            assertThat(generated.tunnelCount()).isGreaterThan(previousTunnels);
            previousLinks = generated.links().size();
            previousTunnels = generated.tunnelCount();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everyAwsSiteRoutesEveryRemoteRangeToItsTransitGateway(String stack) {
        Plan plan = plan(stack);
        Topology topology = topology(stack);
        for (SiteSpec site : topology.sites().stream().filter(s -> s.provider() == CloudProvider.AWS).toList()) {
            var prefixList = named(plan, site.name() + "-net-remote-ranges");
            assertThat(texts(prefixList.inputs().path("entries"), "cidr")).as(site.name())
                    .containsExactlyInAnyOrderElementsOf(remote(topology, site, false));
            String tgw = plan.resources().stream().filter(r -> r.name().equals(site.name() + "-net-tgw")).findFirst().orElseThrow().urn();
            var routes = plan.ofType("aws:ec2/route:Route").stream().filter(r -> r.name().startsWith(site.name() + "-net-to-sites-")).toList();
            assertThat(routes).hasSize(3).allSatisfy(r -> {
                assertThat(r.inputs().path("destinationPrefixListId").asText()).startsWith(site.name() + "-net-remote-ranges-");
                assertThat(r.inputs().path("transitGatewayId").asText()).startsWith(site.name() + "-net-tgw-");
                assertThat(r.dependencies()).contains(named(plan, site.name() + "-net-tgw-vpc").urn());
            });
            assertThat(tgw).isNotEmpty();
            assertThat(named(plan, site.name() + "-net-tgw").inputs().path("amazonSideAsn").asLong()).isEqualTo(site.asn());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void hubsRouteTheirAwsSpokesRangesBackOverThePeering(String stack) {
        Plan plan = plan(stack);
        var graph = InterconnectGraph.of(topology(stack));
        String hub = graph.hubs().get(CloudProvider.AWS).name();
        for (Link link : graph.links().stream().filter(l -> l.kind() == InterconnectGraph.LinkKind.TRANSIT_GATEWAY_PEERING).toList()) {
            String spoke = link.a().name();
            var back = plan.ofType("aws:ec2transitgateway/route:Route").stream().filter(r -> r.name().startsWith(hub + "-net-to-" + spoke + "-"))
                    .map(r -> r.inputs().path("destinationCidrBlock").asText()).toList();
            assertThat(back).containsExactlyInAnyOrderElementsOf(link.a().network().ranges().stream().map(Object::toString).toList());
            assertThat(named(plan, spoke + "-net-via-" + hub).inputs().path("prefixListId").asText()).startsWith(spoke + "-net-remote-ranges-");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everyGcpBgpSessionAnnouncesWhatTheRoutePlanSendsThroughIt(String stack) {
        Plan plan = plan(stack);
        Topology topology = topology(stack);
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
        Topology topology = topology(stack);
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
        Topology topology = topology(stack);
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

    /** global with GCP and Azure sites joined by peering instead of spoke VPNs. */
    private static Topology globalWithPeering() throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(ExampleStacks.file("global").toFile());
        var topology = (com.fasterxml.jackson.databind.node.ObjectNode) root.path("config").path("multisite:topology");
        topology.with("network").with("interconnect").with("sameProviderLinks").put("gcp", "peering").put("azure", "peering");
        return TopologyParser.parse(topology);
    }

    @Test
    void peeringJoinsEveryTwoSitesOfAProviderAndOnlyHubsKeepGateways() throws Exception {
        Topology topology = globalWithPeering();
        var graph = InterconnectGraph.of(topology);
        assertThat(graph.unreachable()).isEmpty();
        var peerings = graph.links().stream().filter(l -> l.kind() == InterconnectGraph.LinkKind.PEERING).toList();
        // Three GCP and three Azure sites: every pair peers (2 spoke-to-hub + 1 spoke-to-spoke each).
        assertThat(peerings).hasSize(6).allSatisfy(l -> assertThat(l.tunnels()).isEmpty());
        assertThat(graph.tunnelCount()).isEqualTo(InterconnectGraph.of(topology("global")).tunnelCount() - 2 * 2 - 2 * 4);
        String gcpHub = graph.hubs().get(CloudProvider.GCP).name();
        String awsHub = graph.hubs().get(CloudProvider.AWS).name();
        var gcpSpokes = topology.sites().stream().filter(s -> s.provider() == CloudProvider.GCP && !s.name().equals(gcpHub)).toList();
        assertThat(graph.path(gcpSpokes.get(0).name(), awsHub).orElseThrow()).extracting(Link::kind)
                .containsExactly(InterconnectGraph.LinkKind.PEERING, InterconnectGraph.LinkKind.IPSEC_BGP);
        assertThat(graph.path(gcpSpokes.get(0).name(), gcpSpokes.get(1).name()).orElseThrow()).hasSize(1);

        Plan plan = dev.multisite.stack.plan.OfflinePlanner.plan("global", topology);
        assertThat(plan.ofType("gcp:compute/networkPeering:NetworkPeering")).hasSize(6);
        assertThat(plan.ofType("azure-native:network:VirtualNetworkPeering")).hasSize(6);
        assertThat(plan.ofType("gcp:compute/haVpnGateway:HaVpnGateway")).hasSize(1);
        assertThat(plan.ofType("azure-native:network:VirtualNetworkGateway")).hasSize(1);
        String azureHub = graph.hubs().get(CloudProvider.AZURE).name();
        for (PlannedResource peering : plan.ofType("azure-native:network:VirtualNetworkPeering")) {
            boolean fromHub = peering.name().startsWith(azureHub + "-");
            boolean toHub = peering.name().endsWith("-peer-" + azureHub);
            assertThat(peering.inputs().path("allowGatewayTransit").asBoolean()).as(peering.name()).isEqualTo(fromHub);
            assertThat(peering.inputs().path("useRemoteGateways").asBoolean()).as(peering.name()).isEqualTo(toHub);
        }
        for (PlannedResource peering : plan.ofType("gcp:compute/networkPeering:NetworkPeering")) {
            assertThat(peering.inputs().path("exportCustomRoutes").asBoolean()).as(peering.name()).isEqualTo(peering.name().startsWith(gcpHub + "-"));
        }
        // The GCP hub announces its peered spokes' ranges to the AWS hub.
        var announced = plan.ofType("gcp:compute/routerPeer:RouterPeer").stream().filter(r -> r.name().startsWith(gcpHub + "-net-tun-" + awsHub + "-"))
                .flatMap(r -> texts(r.inputs().path("advertisedIpRanges"), "range").stream()).collect(Collectors.toSet());
        gcpSpokes.forEach(spoke -> assertThat(announced).contains(spoke.network().vpcCidr().toString(), spoke.network().podCidr().toString()));
    }

    @Test
    void theNetworkDocShowsProdsCurrentLinkGraph() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/network.md"));
        assertThat(doc).as("docs/network.md's prod link graph is out of date: paste InterconnectDiagram.mermaid(prod)")
                .contains("```mermaid\n" + dev.multisite.stack.runbook.InterconnectDiagram.mermaid(topology("prod")) + "```");
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
