package dev.multisite.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The link graph of the inter-site network, computed from the topology alone: which sites are
 * hubs, which links and IPsec tunnels exist, the BGP inside addresses of every tunnel, and the path
 * (and so the next hop) from every site to every remote range. The validator checks reachability
 * over it, the components build exactly these links, and the plan summary prints its counts.
 *
 * <p>Traffic transits hubs only: a spoke or an {@code existing} site never carries traffic between
 * two other sites (the on-prem device must not re-advertise routes learned from one hub to another).
 */
public final class InterconnectGraph {
    /** Link-local ranges for the /30 BGP inside networks of tunnels to Azure: Azure accepts APIPA BGP addresses only in these. */
    public static final List<Cidr> AZURE_INSIDE_RANGES = List.of(Cidr.parse("169.254.21.0/24"), Cidr.parse("169.254.22.0/24"));
    static final int PER_RANGE = 64;
    public static final int MAX_AZURE_INSIDE_NETWORKS = PER_RANGE * AZURE_INSIDE_RANGES.size();
    /** Link-local range for every other tunnel's inside network (clear of the ranges AWS reserves). */
    public static final Cidr INSIDE_RANGE = Cidr.parse("169.254.64.0/18");

    public enum LinkKind {
        /** AWS to AWS: Transit Gateway inter-region peering with static routes; no tunnels. */
        TRANSIT_GATEWAY_PEERING,
        /** Everything else: IPsec tunnels with BGP over them. */
        IPSEC_BGP,
        /** GCP VPC peering or Azure global VNet peering ({@code sameProviderLinks: peering}); not transitive. */
        PEERING
    }

    public enum Role { HUB_TO_HUB, SPOKE_TO_HUB, SPOKE_TO_SPOKE, EXISTING_TO_HUB }

    /** One IPsec tunnel of a link; {@code inside} is its /30 BGP network (a side .1, b side .2), or null where the gateways peer on their own addresses. */
    public record Tunnel(int index, Cidr inside) {
        public String aAddress() {
            return inside.address(1);
        }

        public String bAddress() {
            return inside.address(2);
        }
    }

    /**
     * A link between two sites. Side {@code a} is the one whose cloud builds its half first: for
     * two providers the one declared first in {@link CloudProvider}, for a spoke the spoke (of two
     * peered spokes the one declared first), and for an {@code existing} site always the cloud hub.
     */
    public record Link(SiteSpec a, SiteSpec b, LinkKind kind, Role role, List<Tunnel> tunnels) {
        public String name() {
            return a.name() + "--" + b.name();
        }

        public SiteSpec other(String site) {
            return a.name().equals(site) ? b : a;
        }

        public boolean touches(String site) {
            return a.name().equals(site) || b.name().equals(site);
        }
    }

    /** A route of one site: a remote range, the site that owns it and the link it leaves by. */
    public record Route(Cidr destination, String owner, Link via) {
    }

    private final Topology topology;
    private final Map<CloudProvider, SiteSpec> hubs;
    private final List<Link> links;
    private final int azureInsideNetworks;
    private final Map<String, List<Route>> routes = new java.util.concurrent.ConcurrentHashMap<>();

    private InterconnectGraph(Topology topology, Map<CloudProvider, SiteSpec> hubs, List<Link> links, int azureInsideNetworks) {
        this.topology = topology;
        this.hubs = hubs;
        this.links = links;
        this.azureInsideNetworks = azureInsideNetworks;
    }

    /** The graph of a topology whose sites and hubs are valid; empty when the interconnect is disabled. */
    public static InterconnectGraph of(Topology topology) {
        var settings = topology.network().interconnect();
        if (!settings.enabled()) {
            return new InterconnectGraph(topology, Map.of(), List.of(), 0);
        }
        Map<CloudProvider, SiteSpec> hubs = hubsOf(topology);
        var builder = new LinkBuilder();
        List<SiteSpec> hubList = new ArrayList<>(hubs.values());
        for (int i = 0; i < hubList.size(); i++) {
            for (int j = i + 1; j < hubList.size(); j++) {
                builder.add(hubList.get(i), hubList.get(j), Role.HUB_TO_HUB, false);
            }
        }
        for (SiteSpec site : topology.sites()) {
            SiteSpec hub = hubs.get(site.provider());
            if (hub != null && hub != site) {
                builder.add(site, hub, Role.SPOKE_TO_HUB, settings.peers(site.provider()));
            }
        }
        // Peering is not transitive: spokes that peer with their hub also peer with each other.
        var sites = topology.sites();
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                SiteSpec a = sites.get(i);
                SiteSpec b = sites.get(j);
                if (a.provider() == b.provider() && a.provider().canPeer() && settings.peers(a.provider())
                        && hubs.get(a.provider()) != a && hubs.get(b.provider()) != b) {
                    builder.add(a, b, Role.SPOKE_TO_SPOKE, true);
                }
            }
        }
        for (SiteSpec site : topology.sites()) {
            VpnEndpoint vpn = site.existing() == null ? null : site.existing().vpn();
            if (vpn == null) {
                continue;
            }
            for (SiteSpec hub : hubList) {
                if (vpn.attachTo() == null || vpn.attachTo().contains(hub.name())) {
                    builder.add(hub, site, Role.EXISTING_TO_HUB, false);
                }
            }
        }
        return new InterconnectGraph(topology, Collections.unmodifiableMap(hubs), List.copyOf(builder.links), builder.azureInsideNetworks);
    }

    /**
     * The hub of each provider with cloud sites: {@code network.interconnect.hubs}, else the
     * provider's first declared site. A configured name that is no site of the provider gives that
     * provider no hub (the validator reports it).
     */
    static Map<CloudProvider, SiteSpec> hubsOf(Topology topology) {
        var chosen = topology.network().interconnect().hubs();
        Map<CloudProvider, SiteSpec> hubs = new EnumMap<>(CloudProvider.class);
        for (SiteSpec site : topology.sites()) {
            String name = chosen.get(site.provider().key());
            if (site.provider().hasHub() && (name == null ? !hubs.containsKey(site.provider()) : name.equals(site.name()))) {
                hubs.put(site.provider(), site);
            }
        }
        return hubs;
    }

    /** Numbers the tunnels across the whole graph, so every /30 inside network is unique. */
    private static final class LinkBuilder {
        final List<Link> links = new ArrayList<>();
        int azureInsideNetworks;
        int otherInsideNetworks;

        void add(SiteSpec a, SiteSpec b, Role role, boolean peering) {
            if (peering) {
                links.add(new Link(a, b, LinkKind.PEERING, role, List.of()));
                return;
            }
            int count = tunnelCount(a.provider(), b.provider());
            if (count == 0) {
                links.add(new Link(a, b, LinkKind.TRANSIT_GATEWAY_PEERING, role, List.of()));
                return;
            }
            boolean gatewayAddresses = a.provider() == CloudProvider.AZURE && b.provider() == CloudProvider.AZURE;
            List<Tunnel> tunnels = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                Cidr inside = null;
                if (!gatewayAddresses && (a.provider() == CloudProvider.AZURE || b.provider() == CloudProvider.AZURE)) {
                    int index = Math.min(azureInsideNetworks++, MAX_AZURE_INSIDE_NETWORKS - 1);
                    inside = AZURE_INSIDE_RANGES.get(index / PER_RANGE).subnet(30, index % PER_RANGE);
                } else if (!gatewayAddresses) {
                    inside = INSIDE_RANGE.subnet(30, otherInsideNetworks++);
                }
                tunnels.add(new Tunnel(t, inside));
            }
            links.add(new Link(a, b, LinkKind.IPSEC_BGP, role, List.copyOf(tunnels)));
        }
    }

    /**
     * IPsec tunnels between two providers' gateways, each gateway redundant: AWS gives two tunnels
     * per VPN connection and needs one connection per remote address (GCP HA VPN and Azure
     * active-active gateways have two); GCP pairs its two interfaces; Azure to Azure is the four
     * tunnels of two active-active gateways. AWS to AWS is a Transit Gateway peering: none.
     * {@code a} is the provider declared first in {@link CloudProvider}.
     */
    static int tunnelCount(CloudProvider a, CloudProvider b) {
        return switch (a) {
            case AWS -> b == CloudProvider.AWS ? 0 : 2 * addresses(b);
            case AZURE -> b == CloudProvider.AZURE ? 4 : 2;
            case GCP, EXISTING -> 2;
        };
    }

    /** Public addresses of a site's VPN gateway. */
    static int addresses(CloudProvider provider) {
        return provider.vpnGatewayAddresses();
    }

    public Map<CloudProvider, SiteSpec> hubs() {
        return hubs;
    }

    public SiteSpec site(String name) {
        return topology.site(name).orElseThrow(() -> new IllegalArgumentException("no site " + name));
    }

    public boolean isHub(String site) {
        return hubs.values().stream().anyMatch(h -> h.name().equals(site));
    }

    public List<Link> links() {
        return links;
    }

    public List<Link> linksOf(String site) {
        return links.stream().filter(l -> l.touches(site)).toList();
    }

    public int tunnelCount() {
        return links.stream().mapToInt(l -> l.tunnels().size()).sum();
    }

    /** Whether a site terminates IPsec (and so needs its own VPN gateway and BGP router). */
    public boolean hasTunnels(String site) {
        return linksOf(site).stream().anyMatch(l -> l.kind() == LinkKind.IPSEC_BGP);
    }

    /** Tunnels to Azure that need an APIPA /30 inside network; at most {@link #MAX_AZURE_INSIDE_NETWORKS}. */
    public int azureInsideNetworkCount() {
        return azureInsideNetworks;
    }

    /** Links a full mesh (every pair of sites) would need, for comparison: n(n-1)/2. */
    public int fullMeshLinkCount() {
        int n = topology.sites().size();
        return n * (n - 1) / 2;
    }

    /** Tunnels a full mesh would need: every pair linked the way this graph links two such sites. */
    public int fullMeshTunnelCount() {
        int total = 0;
        var sites = topology.sites();
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                CloudProvider a = sites.get(i).provider();
                CloudProvider b = sites.get(j).provider();
                total += a.ordinal() <= b.ordinal() ? tunnelCount(a, b) : tunnelCount(b, a);
            }
        }
        return total;
    }

    /** The links from one site to another, transiting hubs only; empty when there is no path. */
    public Optional<List<Link>> path(String from, String to) {
        return pathIn(tree(from, Set.of()), from, to);
    }

    private static Optional<List<Link>> pathIn(Map<String, Link> arrivedBy, String from, String to) {
        if (!from.equals(to) && !arrivedBy.containsKey(to)) {
            return Optional.empty();
        }
        List<Link> path = new ArrayList<>();
        for (String at = to; !at.equals(from); at = arrivedBy.get(at).other(at).name()) {
            path.add(0, arrivedBy.get(at));
        }
        return Optional.of(path);
    }

    /** Breadth-first from {@code from}, transiting hubs only: for every site reached, the link it was reached by. */
    private Map<String, Link> tree(String from, Set<String> down) {
        Map<String, Link> arrivedBy = new HashMap<>();
        var queue = new ArrayDeque<String>();
        queue.add(from);
        Set<String> seen = new LinkedHashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            String here = queue.poll();
            if (!here.equals(from) && !isHub(here)) {
                continue;
            }
            Link arrived = arrivedBy.get(here);
            for (Link link : linksOf(here)) {
                String next = link.other(here).name();
                // A hub passes peered traffic on to its tunnels (custom routes, gateway transit), never to another peering.
                boolean peeringToPeering = arrived != null && arrived.kind() == LinkKind.PEERING && link.kind() == LinkKind.PEERING;
                if (!peeringToPeering && !down.contains(next) && seen.add(next)) {
                    arrivedBy.put(next, link);
                    queue.add(next);
                }
            }
        }
        return arrivedBy;
    }

    /** Every remote range of every other site with the link it leaves {@code site} by, in declaration order. */
    public List<Route> routes(String site) {
        return routes.computeIfAbsent(site, s -> {
            Map<String, Link> tree = tree(s, Set.of());
            List<Route> out = new ArrayList<>();
            for (SiteSpec remote : topology.sites()) {
                if (!remote.name().equals(s) && tree.containsKey(remote.name())) {
                    Link first = pathIn(tree, s, remote.name()).orElseThrow().get(0);
                    remote.network().ranges().forEach(range -> out.add(new Route(range, remote.name(), first)));
                }
            }
            return List.copyOf(out);
        });
    }

    /** The ranges {@code site} receives over {@code link}: what the far side must announce to it. */
    public List<Cidr> rangesVia(String site, Link link) {
        return routes(site).stream().filter(r -> r.via().equals(link)).map(Route::destination).toList();
    }

    /** Pairs of sites with no path, as {@code from -> [to...]}; empty when the graph is connected. */
    public Map<String, List<String>> unreachable() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (SiteSpec from : topology.sites()) {
            Map<String, Link> tree = tree(from.name(), Set.of());
            for (SiteSpec to : topology.sites()) {
                if (from != to && !tree.containsKey(to.name())) {
                    missing.computeIfAbsent(from.name(), k -> new ArrayList<>()).add(to.name());
                }
            }
        }
        return missing;
    }

    /**
     * The surviving sites that {@code site} being down (its region, with its hub gateways) cuts off
     * from the best-connected survivor: the shared fate the hub design trades for linear size.
     */
    public List<String> cutOffWithout(String site) {
        Set<String> down = Set.of(site);
        List<String> survivors = topology.sites().stream().map(SiteSpec::name).filter(n -> !n.equals(site)).toList();
        Set<String> best = Set.of();
        for (String from : survivors) {
            Set<String> reached = new LinkedHashSet<>(tree(from, down).keySet());
            reached.add(from);
            if (reached.size() > best.size()) {
                best = reached;
            }
        }
        Set<String> connected = best;
        return survivors.stream().filter(n -> !connected.contains(n)).toList();
    }
}
