package dev.multisite.network;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.bindings.RandomPassword;
import dev.multisite.bindings.RandomProvider;
import dev.multisite.site.Site;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.InterconnectGraph.Link;
import dev.multisite.topology.InterconnectGraph.Tunnel;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inter-site network: every link of the topology's {@link InterconnectGraph}, built between two
 * {@link SiteEnd}s, the cloud sites' network halves ({@link LinkSides}). Pre-shared
 * keys come from the Random provider, one per tunnel, so they are generated once, kept (encrypted)
 * in state and shared by both ends without ever being plain.
 *
 * <p>What the {@code existing} sites' VPN devices must be configured with is {@link #onPremVpn}: per
 * tunnel the cloud gateway's address, the inside addresses, both ASNs and the key (a secret).
 */
public final class Interconnect extends ComponentResource {
    public static final String TYPE = "multisite:network:Interconnect";

    public final InterconnectGraph graph;
    /** Per {@code existing} site, the device side of each of its tunnels; a secret (it holds the keys). */
    public final Output<Map<String, List<OnPremTunnel>>> onPremVpn;

    private final String name;
    private final RandomProvider random;
    private final Map<String, SiteEnd> ends;
    private final Map<String, Output<String>> keys = new HashMap<>();
    private final List<Output<OnPremTunnel>> onPremTunnels = new ArrayList<>();

    /**
     * The links of a topology between the ends {@code sides} gives: the cloud sites' halves, built by
     * their site parts (in one stack the objects, in fleet mode made from the site parts' outputs).
     * The core network and the AWS sites' attachments to it are the wan parts' ({@link CloudWan}).
     */
    public Interconnect(String name, Topology topology, LinkSides sides, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.name = name;
        this.graph = InterconnectGraph.of(topology);
        this.random = new RandomProvider(name + "-random", CustomResourceOptions.builder().parent(this).build());
        this.ends = sides.ends(this);
        graph.links().stream().filter(l -> l.kind() == InterconnectGraph.LinkKind.IPSEC_BGP).forEach(this::build);
        // Both clouds refuse concurrent peering changes on one network: each provider's peerings
        // are chained, one after the other, in the graph's order.
        for (CloudProvider provider : CloudProvider.values()) {
            com.pulumi.resources.Resource previous = null;
            for (Link link : graph.links()) {
                if (link.kind() == InterconnectGraph.LinkKind.PEERING && link.a().provider() == provider) {
                    previous = peer(link, ends.get(link.a().name()), ends.get(link.b().name()), previous);
                }
            }
        }
        this.onPremVpn = Output.all(onPremTunnels).applyValue(Interconnect::bySite).asSecret();
        registerOutputs(Map.of("onPremVpn", onPremVpn.applyValue(Interconnect::asMaps)));
    }

    /** The component's logical name; its children's names start with it. */
    public String name() {
        return name;
    }

    /** Non-secret facts for the output {@code interconnect}: design, hubs, shared fate and counts. */
    public InterconnectSummary summary() {
        Map<String, List<String>> hubs = new LinkedHashMap<>();
        graph.hubs().forEach((provider, list) -> hubs.put(provider.key(), list.stream().map(SiteSpec::name).toList()));
        return new InterconnectSummary("two hubs per provider", hubs, graph.sharedFate(), graph.links().size(), graph.tunnelCount(),
                graph.fullMeshLinkCount(), graph.fullMeshTunnelCount());
    }

    /** The tunnels of one link (peerings are chained in the constructor, AWS sites joined by Cloud WAN). */
    private void build(Link link) {
        SiteEnd a = ends.get(link.a().name());
        SiteEnd b = ends.get(link.b().name());
        // A switch expression: a new provider does not compile until its side of a link is decided.
        Runnable side = switch (link.a().provider()) {
            case AWS, GCP, AZURE -> a.match(aws -> () -> awsTo(link, aws, b), gcp -> () -> gcpTo(link, gcp, b),
                    azure -> () -> azureTo(link, azure, b));
            case EXISTING -> () -> {
                throw new IllegalStateException("an existing site is never side a of " + link.name());
            };
        };
        side.run();
    }

    /**
     * Both halves of a peering, after {@code previous} (the provider's last peering operation).
     * Side {@code b} of a spoke-to-hub link is the hub: it shares its routes or gateway, the spoke
     * uses them. Returns the last resource of this peering, for the next one to wait on.
     */
    private com.pulumi.resources.Resource peer(Link link, SiteEnd a, SiteEnd b, com.pulumi.resources.Resource previous) {
        // The hub lends its gateway (GCP: exports its BGP-learned routes) where the graph says so.
        boolean toHub = link.lendsGateway();
        return switch (link.a().provider()) {
            case GCP -> {
                var spoke = gcpEnd(link, a);
                var other = gcpEnd(link, b);
                var there = spoke.peerWith(other, false, toHub, previous);
                yield other.peerWith(spoke, toHub, false, there);
            }
            case AZURE -> {
                var spoke = azureEnd(link, a);
                var other = azureEnd(link, b);
                boolean transit = toHub && other.hasGateway();
                List<com.pulumi.resources.Resource> after = new ArrayList<>();
                if (previous != null) {
                    after.add(previous);
                }
                var lent = other.peerWith(spoke, transit, false, after);
                List<com.pulumi.resources.Resource> afterLent = new ArrayList<>(List.of(lent));
                if (transit && other.gatewayResource() != null) {
                    afterLent.add(other.gatewayResource());
                }
                yield spoke.peerWith(other, false, transit, afterLent);
            }
            case AWS, EXISTING -> throw new IllegalStateException(link.name() + ": peering joins two gcp or two azure sites");
        };
    }

    /** AWS side: one VPN connection (two tunnels) per address of the far gateway. */
    private void awsTo(Link link, AwsEnd aws, SiteEnd far) {
        SiteSpec remote = link.b();
        List<Tunnel> t = link.tunnels();
        List<Output<String>> awsAddresses = new ArrayList<>();
        for (int j = 0; j < t.size() / 2; j++) {
            Output<String> farAddress = switch (remote.provider()) {
                case GCP -> gcpEnd(link, far).interfaceAddress(j);
                case AZURE -> azureEnd(link, far).publicAddress(j);
                case EXISTING -> Output.of(remote.existing().vpn().publicIp());
                case AWS -> throw new IllegalStateException(link.name() + ": AWS to AWS goes through Cloud WAN");
            };
            var vpn = aws.vpnTo(remote.name(), j, farAddress, remote.asn(), t.get(2 * j), t.get(2 * j + 1), key(link, 2 * j), key(link, 2 * j + 1));
            awsAddresses.add(vpn.tunnel1Address());
            awsAddresses.add(vpn.tunnel2Address());
        }
        Runnable farSide = switch (remote.provider()) {
            case GCP -> () -> {
                var gcp = gcpEnd(link, far);
                var external = gcp.externalGateway(link.a().name(), awsAddresses);
                for (Tunnel tunnel : t) {
                    gcp.tunnel("tun-" + link.a().name() + "-" + tunnel.index(), tunnel.index() / 2,
                            new GcpEnd.Peer(link.a().name(), link.a().asn(), external, tunnel.index(), null),
                            key(link, tunnel.index()), tunnel.bAddress(), tunnel.aAddress(), graph.rangesVia(link.a().name(), link), link.preference());
                }
            };
            case AZURE -> () -> {
                var azure = azureEnd(link, far);
                for (Tunnel tunnel : t) {
                    azure.connection(link.a().name() + "-" + tunnel.index(), awsAddresses.get(tunnel.index()), link.a().asn(), tunnel.aAddress(),
                            List.of(AzureSiteNetwork.instanceOf(link, tunnel)), List.of(tunnel.bAddress()), key(link, tunnel.index()));
                }
            };
            case EXISTING -> () -> t.forEach(tunnel -> onPrem(link, tunnel, awsAddresses.get(tunnel.index()), key(link, tunnel.index()), List.of()));
            case AWS -> () -> {
                throw new IllegalStateException(link.name() + ": AWS to AWS goes through Cloud WAN");
            };
        };
        farSide.run();
    }

    /** GCP side: tunnels from both HA VPN interfaces. */
    private void gcpTo(Link link, GcpEnd gcp, SiteEnd far) {
        SiteSpec remote = link.b();
        List<Tunnel> t = link.tunnels();
        String prefix = "tun-" + remote.name() + "-";
        Runnable farSide = switch (remote.provider()) {
            case GCP -> () -> {
                var other = gcpEnd(link, far);
                for (Tunnel tunnel : t) {
                    gcp.tunnel(prefix + tunnel.index(), tunnel.index(), new GcpEnd.Peer(remote.name(), remote.asn(), null, 0, other.gatewayId()),
                            key(link, tunnel.index()), tunnel.aAddress(), tunnel.bAddress(), graph.rangesVia(remote.name(), link), link.preference());
                    other.tunnel("tun-" + link.a().name() + "-" + tunnel.index(), tunnel.index(),
                            new GcpEnd.Peer(link.a().name(), link.a().asn(), null, 0, gcp.gatewayId()),
                            key(link, tunnel.index()), tunnel.bAddress(), tunnel.aAddress(), graph.rangesVia(link.a().name(), link), link.preference());
                }
            };
            case AZURE -> () -> {
                var azure = azureEnd(link, far);
                var external = gcp.externalGateway(remote.name(), List.of(azure.publicAddress(0), azure.publicAddress(1)));
                for (Tunnel tunnel : t) {
                    gcp.tunnel(prefix + tunnel.index(), tunnel.index(), new GcpEnd.Peer(remote.name(), remote.asn(), external, tunnel.index(), null),
                            key(link, tunnel.index()), tunnel.aAddress(), tunnel.bAddress(), graph.rangesVia(remote.name(), link), link.preference());
                    azure.connection(link.a().name() + "-" + tunnel.index(), gcp.interfaceAddress(tunnel.index()), link.a().asn(), tunnel.aAddress(),
                            List.of(tunnel.index()), List.of(tunnel.bAddress()), key(link, tunnel.index()));
                }
            };
            case EXISTING -> () -> {
                var external = gcp.externalGateway(remote.name(), List.of(Output.of(remote.existing().vpn().publicIp())));
                for (Tunnel tunnel : t) {
                    gcp.tunnel(prefix + tunnel.index(), tunnel.index(), new GcpEnd.Peer(remote.name(), remote.asn(), external, 0, null),
                            key(link, tunnel.index()), tunnel.aAddress(), tunnel.bAddress(), graph.rangesVia(remote.name(), link), link.preference());
                    onPrem(link, tunnel, gcp.interfaceAddress(tunnel.index()), key(link, tunnel.index()), List.of());
                }
            };
            case AWS -> () -> {
                throw new IllegalStateException(link.name() + ": side a of an AWS link is the AWS site");
            };
        };
        farSide.run();
    }

    /**
     * Azure side: VNet-to-VNet to another Azure gateway, or an active-active pair to an on-prem
     * device. Azure is side a only of links to providers declared after it in {@link CloudProvider}
     * (AWS and GCP take side a of their links to Azure).
     */
    private void azureTo(Link link, AzureEnd azure, SiteEnd far) {
        SiteSpec remote = link.b();
        // A switch expression over the far end's provider: a new provider linked to an Azure hub
        // does not compile until its side is decided here (it used to fall to "the device").
        Runnable farSide = switch (remote.provider()) {
            case AZURE -> () -> {
                var other = azureEnd(link, far);
                azure.vnetToVnet(other, key(link, 0));
                other.vnetToVnet(azure, key(link, 0));
            };
            case EXISTING -> () -> azureToDevice(link, azure);
            case AWS, GCP -> () -> {
                throw new IllegalStateException(link.name() + ": side a of a link between " + remote.provider().key()
                        + " and azure is the " + remote.provider().key() + " site");
            };
        };
        farSide.run();
    }

    /** An Azure gateway's active-active pair of tunnels to an existing site's one device. */
    private void azureToDevice(Link link, AzureEnd azure) {
        SiteSpec remote = link.b();
        List<Tunnel> t = link.tunnels();
        azure.connection(remote.name(), Output.of(remote.existing().vpn().publicIp()), remote.asn(), t.get(0).bAddress(),
                t.stream().map(Tunnel::index).toList(), t.stream().map(Tunnel::aAddress).toList(), key(link, 0));
        // Both gateway instances peer with the device's one BGP address (the first tunnel's).
        t.forEach(tunnel -> onPrem(link, tunnel, azure.publicAddress(tunnel.index()), key(link, 0),
                List.of("bgp-peer-address " + t.get(0).bAddress() + " for both tunnels; ebgp-multihop 2")));
    }

    /** {@code end} as the GCP end the graph says it is (the provider of its side of {@code link}). */
    private static GcpEnd gcpEnd(Link link, SiteEnd end) {
        return end.match(aws -> notThe(link, aws, "gcp"), gcp -> gcp, azure -> notThe(link, azure, "gcp"));
    }

    /** {@code end} as the Azure end the graph says it is (the provider of its side of {@code link}). */
    private static AzureEnd azureEnd(Link link, SiteEnd end) {
        return end.match(aws -> notThe(link, aws, "azure"), gcp -> notThe(link, gcp, "azure"), azure -> azure);
    }

    private static <T> T notThe(Link link, SiteEnd end, String expected) {
        throw new IllegalStateException(link.name() + ": the end of " + end.spec.name() + " is not a " + expected + " end");
    }

    /** The pre-shared key of one tunnel of a link, created once. */
    private Output<String> key(Link link, int tunnel) {
        String keyName = name + "-psk-" + link.name() + "-" + tunnel;
        return keys.computeIfAbsent(keyName, n -> new RandomPassword(n, RandomPassword.Args.ipsecPresharedKey(),
                CustomResourceOptions.builder().parent(this).provider(random).build()).result());
    }

    /** Records what the device of {@code link.b()} (an existing site) needs for one tunnel. */
    private void onPrem(Link link, Tunnel tunnel, Output<String> cloudAddress, Output<String> key, List<String> notes) {
        SiteSpec hub = link.a();
        SiteSpec device = link.b();
        onPremTunnels.add(Output.tuple(cloudAddress, key).applyValue(v -> new OnPremTunnel(device.name(), hub.name(), hub.provider().key(),
                tunnel.index(), v.t1, device.existing().vpn().publicIp(), tunnel.inside().toString(), tunnel.aAddress(), tunnel.bAddress(),
                String.valueOf(hub.asn()), String.valueOf(device.asn()), device.network().ranges().stream().map(Object::toString).toList(),
                v.t2, notes)));
    }

    /** The tunnels as plain maps, for outputs that the SDK's resource serializer writes (it takes maps and lists, not typed objects). */
    public static Map<String, List<Map<String, Object>>> asMaps(Map<String, List<OnPremTunnel>> bySite) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        bySite.forEach((site, tunnels) -> out.put(site, tunnels.stream().map(OnPremTunnel::toMap).toList()));
        return out;
    }

    private static Map<String, List<OnPremTunnel>> bySite(List<OnPremTunnel> tunnels) {
        Map<String, List<OnPremTunnel>> out = new LinkedHashMap<>();
        tunnels.forEach(t -> out.computeIfAbsent(t.site(), k -> new ArrayList<>()).add(t));
        return out;
    }
}
