package dev.multisite.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The link graph of the inter-site network, computed from the topology alone: which sites are
 * hubs, which links and IPsec tunnels exist, the BGP inside addresses of every tunnel, and the path
 * (and so the next hop) from every site to every remote range, in normal operation and after the
 * loss of any one region. The validator checks reachability and shared fate over it, the
 * components build exactly these links, and the plan summary prints its counts. This class holds
 * the graph's types and builds it; the concerns live beside it: {@link InterconnectHubs} (which
 * sites are hubs), {@link TunnelNumbering} (tunnels and their inside networks),
 * {@link InterconnectPaths} (paths, routes, ranges per link) and {@link SharedFate} (what one
 * region's loss cuts off).
 *
 * <p>Two hubs per provider (one where it has one site): a provider's spokes attach to both, its two
 * hubs are linked, and hubs of two providers are linked first to first and second to second, so no
 * single site carries a provider's whole cross-site traffic. Every link has a {@link Preference}
 * that the clouds' routing follows (BGP priority / MED), so traffic takes the first hub and moves
 * to the second by itself when the first one's sessions go down.
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
    /** Hubs per provider: two, so that one hub's region can fail without cutting the provider's spokes off. */
    public static final int HUBS_PER_PROVIDER = 2;

    public enum LinkKind {
        /** AWS to AWS: both Transit Gateways attached to the stack's Cloud WAN core network, routes exchanged dynamically; no tunnels. */
        CLOUD_WAN,
        /** Everything else: IPsec tunnels with BGP over them. */
        IPSEC_BGP,
        /** GCP VPC peering or Azure global VNet peering ({@code sameProviderLinks: peering}); not transitive. */
        PEERING
    }

    public enum Role { HUB_TO_HUB, SPOKE_TO_HUB, SPOKE_TO_SPOKE, EXISTING_TO_HUB }

    /**
     * Which of two paths the routing takes: {@code cost} orders paths in this graph, and
     * {@code bgpPriority} is what the clouds are told (GCP Cloud Router's advertised route
     * priority, sent as the MED; lower wins), so both agree.
     */
    public enum Preference {
        /** To a provider's first hub, and first hub to first hub. */
        PRIMARY(2, 100),
        /** To a provider's second hub, and second hub to second hub: used when the primary path is down. */
        BACKUP(3, 200),
        /**
         * Between a provider's two hubs: as cheap as a primary link, so a second hub reaches the far
         * side of its sibling's primary links through the sibling, but a spoke never detours
         * through one hub to reach the other (2 + 2 > 3).
         */
        SIBLING(2, 100);

        final int cost;
        private final int bgpPriority;

        Preference(int cost, int bgpPriority) {
            this.cost = cost;
            this.bgpPriority = bgpPriority;
        }

        public int bgpPriority() {
            return bgpPriority;
        }
    }

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
     * peered spokes the one declared first, of two hubs the second), and for an {@code existing}
     * site always the cloud hub.
     */
    public record Link(SiteSpec a, SiteSpec b, LinkKind kind, Role role, Preference preference, List<Tunnel> tunnels) {
        public String name() {
            return a.name() + "--" + b.name();
        }

        public SiteSpec other(String site) {
            return a.name().equals(site) ? b : a;
        }

        public boolean touches(String site) {
            return a.name().equals(site) || b.name().equals(site);
        }

        /**
         * Whether traffic may continue past the hub end of this peering to the hub's tunnels. GCP:
         * the hub exports its BGP-learned routes to every peered spoke. Azure: a VNet can use the
         * remote gateway of one peering only, so a spoke uses its first hub's gateway and peers
         * with the second without transit.
         */
        public boolean lendsGateway() {
            if (kind != LinkKind.PEERING || role != Role.SPOKE_TO_HUB) {
                return false;
            }
            // A switch expression: a new provider that can peer does not compile until this is decided.
            return switch (a.provider()) {
                case GCP -> true;
                case AZURE -> preference == Preference.PRIMARY;
                // They never peer (CloudProvider.canPeer).
                case AWS, EXISTING -> false;
            };
        }
    }

    /** A route of one site: a remote range, the site that owns it and the link it leaves by. */
    public record Route(Cidr destination, String owner, Link via) {
    }

    private final Topology topology;
    private final Map<CloudProvider, List<SiteSpec>> hubs;
    private final List<Link> links;
    private final int azureInsideNetworks;
    private final Map<String, List<Route>> routes = new ConcurrentHashMap<>();
    private final Map<String, Map<Link, List<Cidr>>> rangesVia = new ConcurrentHashMap<>();
    private final Map<String, List<Link>> linksBySite = new ConcurrentHashMap<>();
    /** What losing a region cuts off, by the region's set of sites: every site of a region has the same answer. */
    private final Map<Set<String>, List<String>> cutOffByRegion = new ConcurrentHashMap<>();
    private volatile Set<String> hubNames;
    private final InterconnectPaths paths = new InterconnectPaths(this);
    private final SharedFate sharedFate = new SharedFate(this, paths);

    private InterconnectGraph(Topology topology, Map<CloudProvider, List<SiteSpec>> hubs, List<Link> links, int azureInsideNetworks) {
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
        Map<CloudProvider, List<SiteSpec>> hubs = InterconnectHubs.of(topology);
        var builder = new TunnelNumbering();
        List<CloudProvider> providers = new ArrayList<>(hubs.keySet());
        for (int i = 0; i < providers.size(); i++) {
            for (int j = i + 1; j < providers.size(); j++) {
                List<SiteSpec> first = hubs.get(providers.get(i));
                List<SiteSpec> second = hubs.get(providers.get(j));
                // First to first, second to second; a provider with one hub links it to both of the other's.
                for (int rung = 0; rung < Math.max(first.size(), second.size()); rung++) {
                    builder.add(first.get(Math.min(rung, first.size() - 1)), second.get(Math.min(rung, second.size() - 1)),
                            Role.HUB_TO_HUB, rung == 0 ? Preference.PRIMARY : Preference.BACKUP, false);
                }
            }
        }
        for (CloudProvider provider : providers) {
            List<SiteSpec> pair = hubs.get(provider);
            // Tunnels even where spokes peer: a peering of two hubs would carry no transit (neither can lend the other its gateway).
            if (pair.size() == HUBS_PER_PROVIDER) {
                builder.add(pair.get(1), pair.get(0), Role.HUB_TO_HUB, Preference.SIBLING, false);
            }
        }
        for (SiteSpec site : topology.sites()) {
            List<SiteSpec> own = hubs.getOrDefault(site.provider(), List.of());
            if (!own.isEmpty() && !own.contains(site)) {
                for (int h = 0; h < own.size(); h++) {
                    builder.add(site, own.get(h), Role.SPOKE_TO_HUB, h == 0 ? Preference.PRIMARY : Preference.BACKUP, settings.peers(site.provider()));
                }
            }
        }
        // Peering is not transitive: spokes that peer with their hubs also peer with each other.
        var sites = topology.sites();
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                SiteSpec a = sites.get(i);
                SiteSpec b = sites.get(j);
                List<SiteSpec> own = hubs.getOrDefault(a.provider(), List.of());
                if (a.provider() == b.provider() && a.provider().facts().canPeer() && settings.peers(a.provider())
                        && !own.contains(a) && !own.contains(b)) {
                    builder.add(a, b, Role.SPOKE_TO_SPOKE, Preference.PRIMARY, true);
                }
            }
        }
        for (SiteSpec site : topology.sites()) {
            VpnEndpoint vpn = site.existing() == null ? null : site.existing().vpn();
            if (vpn == null) {
                continue;
            }
            for (SiteSpec hub : InterconnectHubs.attachmentsOf(vpn, hubs)) {
                boolean first = hubs.get(hub.provider()).get(0) == hub;
                builder.add(hub, site, Role.EXISTING_TO_HUB, first ? Preference.PRIMARY : Preference.BACKUP, false);
            }
        }
        Map<CloudProvider, List<SiteSpec>> frozen = new EnumMap<>(CloudProvider.class);
        hubs.forEach((provider, list) -> frozen.put(provider, List.copyOf(list)));
        return new InterconnectGraph(topology, Collections.unmodifiableMap(frozen), List.copyOf(builder.links), builder.azureInsideNetworks);
    }

    /** The hubs of each provider, preferred first. */
    public Map<CloudProvider, List<SiteSpec>> hubs() {
        return hubs;
    }

    /** The preferred hub of a provider. */
    public SiteSpec firstHub(CloudProvider provider) {
        return hubs.get(provider).get(0);
    }

    /** Every site's name, in declaration order. */
    public List<String> siteNames() {
        return topology.sites().stream().map(SiteSpec::name).toList();
    }

    Topology topology() {
        return topology;
    }

    public SiteSpec site(String name) {
        return topology.site(name).orElseThrow(() -> new IllegalArgumentException("no site " + name));
    }

    public boolean isHub(String site) {
        if (hubNames == null) {
            Set<String> names = new HashSet<>();
            hubs.values().forEach(list -> list.forEach(h -> names.add(h.name())));
            hubNames = Set.copyOf(names);
        }
        return hubNames.contains(site);
    }

    public List<Link> links() {
        return links;
    }

    public List<Link> linksOf(String site) {
        return linksBySite.computeIfAbsent(site, n -> links.stream().filter(l -> l.touches(n)).toList());
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
                total += a.ordinal() <= b.ordinal() ? TunnelNumbering.tunnelCount(a, b) : TunnelNumbering.tunnelCount(b, a);
            }
        }
        return total;
    }

    /** The links from one site to another in normal operation, transiting hubs only; empty when there is no path. */
    public Optional<List<Link>> path(String from, String to) {
        return InterconnectPaths.pathIn(paths.tree(from, Set.of()), from, to);
    }

    /** The links from one site to another while every site in {@code down} is lost. */
    public Optional<List<Link>> pathWithout(String from, String to, Set<String> down) {
        return InterconnectPaths.pathIn(paths.tree(from, down), from, to);
    }

    /** Every remote range of every other site with the link it leaves {@code site} by in normal operation, in declaration order. */
    public List<Route> routes(String site) {
        return routes.computeIfAbsent(site, s -> paths.routesIn(paths.tree(s, Set.of()), s));
    }

    /**
     * The ranges {@code site} receives over {@code link}: what the far side must announce to it,
     * so that it routes them over this link in normal operation or after the loss of any one
     * region that spares both ends (the backup paths), in declaration order.
     */
    public List<Cidr> rangesVia(String site, Link link) {
        return rangesVia.computeIfAbsent(site, paths::rangesByLink).getOrDefault(link, List.of());
    }

    /** The sites lost with {@code site} when its region fails: those of the same provider in the same region (or location). */
    public Set<String> regionOf(String site) {
        SiteSpec spec = site(site);
        Set<String> out = new LinkedHashSet<>();
        topology.sites().stream().filter(s -> s.provider() == spec.provider() && s.region().equals(spec.region()))
                .forEach(s -> out.add(s.name()));
        return out;
    }

    /** Pairs of sites with no path, as {@code from -> [to...]}; empty when the graph is connected. */
    public Map<String, List<String>> unreachable() {
        return sharedFate.unreachable();
    }

    /**
     * The surviving sites that losing {@code site}'s region (with every site and gateway in it)
     * cuts off: the fewest survivors without which every other surviving pair still has a path
     * (paths are not symmetric through peerings, so pairs are checked, not one component); empty
     * when every surviving pair stays connected.
     */
    public List<String> cutOffWithout(String site) {
        return cutOffByRegion.computeIfAbsent(regionOf(site), sharedFate::cutOffWithout);
    }

    /** Per site whose region's loss cuts others off, the sites it cuts; empty for a fully redundant network. */
    public Map<String, List<String>> sharedFate() {
        return sharedFate.cuts();
    }

    /**
     * The sites whose region's loss (sparing both ends) leaves no path between {@code a} and
     * {@code b}, such as a replica and its primary; empty when their path survives any one loss.
     */
    public List<String> lossesCutting(String a, String b) {
        return sharedFate.lossesCutting(a, b);
    }

    /** Providers whose two hubs are in one region, so that one region outage takes both. */
    public Map<CloudProvider, List<SiteSpec>> hubsSharingARegion() {
        Map<CloudProvider, List<SiteSpec>> out = new EnumMap<>(CloudProvider.class);
        hubs.forEach((provider, pair) -> {
            if (pair.size() == HUBS_PER_PROVIDER && pair.get(0).region().equals(pair.get(1).region())) {
                out.put(provider, pair);
            }
        });
        return out;
    }
}
