package dev.multisite.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The link graph of the inter-site network, computed from the topology alone: which sites are
 * hubs, which links and IPsec tunnels exist, the BGP inside addresses of every tunnel, and the path
 * (and so the next hop) from every site to every remote range, in normal operation and after the
 * loss of any one region. The validator checks reachability and shared fate over it, the
 * components build exactly these links, and the plan summary prints its counts.
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

        private final int cost;
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
            return kind == LinkKind.PEERING && role == Role.SPOKE_TO_HUB
                    && (a.provider() == CloudProvider.GCP || preference == Preference.PRIMARY);
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
        Map<CloudProvider, List<SiteSpec>> hubs = hubsOf(topology);
        var builder = new LinkBuilder();
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
                if (a.provider() == b.provider() && a.provider().canPeer() && settings.peers(a.provider())
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
            for (SiteSpec hub : attachmentsOf(vpn, hubs)) {
                boolean first = hubs.get(hub.provider()).get(0) == hub;
                builder.add(hub, site, Role.EXISTING_TO_HUB, first ? Preference.PRIMARY : Preference.BACKUP, false);
            }
        }
        Map<CloudProvider, List<SiteSpec>> frozen = new EnumMap<>(CloudProvider.class);
        hubs.forEach((provider, list) -> frozen.put(provider, List.copyOf(list)));
        return new InterconnectGraph(topology, Collections.unmodifiableMap(frozen), List.copyOf(builder.links), builder.azureInsideNetworks);
    }

    /**
     * The hubs of each provider with cloud sites, preferred first: {@code network.interconnect.hubs},
     * completed to two (where the provider has two sites) by its first declared site, then its
     * first site in a region no chosen hub is in, else its next site (the validator then asks for
     * a waiver). A configured name that is no site of the provider is skipped (the validator
     * reports it).
     */
    static Map<CloudProvider, List<SiteSpec>> hubsOf(Topology topology) {
        var chosen = topology.network().interconnect().hubs();
        Map<CloudProvider, List<SiteSpec>> hubs = new EnumMap<>(CloudProvider.class);
        for (CloudProvider provider : CloudProvider.values()) {
            List<SiteSpec> candidates = topology.sites().stream().filter(s -> s.provider() == provider).toList();
            if (!provider.hasHub() || candidates.isEmpty()) {
                continue;
            }
            List<SiteSpec> picked = new ArrayList<>();
            for (String name : chosen.getOrDefault(provider.key(), List.of())) {
                candidates.stream().filter(s -> s.name().equals(name) && !picked.contains(s)).findFirst().ifPresent(picked::add);
            }
            while (picked.size() < Math.min(HUBS_PER_PROVIDER, candidates.size())) {
                candidates.stream().filter(s -> !picked.contains(s))
                        .filter(s -> picked.stream().noneMatch(h -> h.region().equals(s.region())))
                        .findFirst()
                        .or(() -> candidates.stream().filter(s -> !picked.contains(s)).findFirst())
                        .ifPresent(picked::add);
            }
            hubs.put(provider, picked);
        }
        return hubs;
    }

    /**
     * The hubs an {@code existing} site's device keeps tunnels to: {@code existing.vpn.attachTo},
     * else the first hub of every provider, plus second hubs while that is fewer than two hubs.
     */
    static List<SiteSpec> attachmentsOf(VpnEndpoint vpn, Map<CloudProvider, List<SiteSpec>> hubs) {
        List<SiteSpec> all = hubs.values().stream().flatMap(List::stream).toList();
        if (vpn.attachTo() != null) {
            return all.stream().filter(h -> vpn.attachTo().contains(h.name())).toList();
        }
        List<SiteSpec> out = new ArrayList<>(hubs.values().stream().map(list -> list.get(0)).toList());
        for (SiteSpec hub : all) {
            if (out.size() >= HUBS_PER_PROVIDER) {
                break;
            }
            if (!out.contains(hub)) {
                out.add(hub);
            }
        }
        return out;
    }

    /** Numbers the tunnels across the whole graph, so every /30 inside network is unique. */
    private static final class LinkBuilder {
        final List<Link> links = new ArrayList<>();
        int azureInsideNetworks;
        int otherInsideNetworks;

        void add(SiteSpec a, SiteSpec b, Role role, Preference preference, boolean peering) {
            if (peering) {
                links.add(new Link(a, b, LinkKind.PEERING, role, preference, List.of()));
                return;
            }
            int count = tunnelCount(a.provider(), b.provider());
            if (count == 0) {
                links.add(new Link(a, b, LinkKind.CLOUD_WAN, role, preference, List.of()));
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
            links.add(new Link(a, b, LinkKind.IPSEC_BGP, role, preference, List.copyOf(tunnels)));
        }
    }

    /**
     * IPsec tunnels between two providers' gateways, each gateway redundant: AWS gives two tunnels
     * per VPN connection and needs one connection per remote address (GCP HA VPN and Azure
     * active-active gateways have two); GCP pairs its two interfaces; Azure to Azure is the four
     * tunnels of two active-active gateways. AWS to AWS goes through Cloud WAN: none.
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
                total += a.ordinal() <= b.ordinal() ? tunnelCount(a, b) : tunnelCount(b, a);
            }
        }
        return total;
    }

    /** The links from one site to another in normal operation, transiting hubs only; empty when there is no path. */
    public Optional<List<Link>> path(String from, String to) {
        return pathIn(tree(from, Set.of()), from, to);
    }

    /** The links from one site to another while every site in {@code down} is lost. */
    public Optional<List<Link>> pathWithout(String from, String to, Set<String> down) {
        return pathIn(tree(from, down), from, to);
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

    /**
     * Cheapest paths from {@code from} by link preference (Dijkstra; ties keep the graph's order),
     * avoiding the sites in {@code down} and transiting hubs only: for every site reached, the
     * link it was reached by.
     */
    private Map<String, Link> tree(String from, Set<String> down) {
        record Step(int cost, int order, String site, Link by) {
        }
        Map<String, Link> arrivedBy = new HashMap<>();
        Set<String> settled = new LinkedHashSet<>();
        var queue = new PriorityQueue<Step>(Comparator.comparingInt(Step::cost).thenComparingInt(Step::order));
        int order = 0;
        queue.add(new Step(0, order++, from, null));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            if (!settled.add(step.site())) {
                continue;
            }
            if (step.by() != null) {
                arrivedBy.put(step.site(), step.by());
            }
            if (!step.site().equals(from) && !isHub(step.site())) {
                continue;
            }
            for (Link link : linksOf(step.site())) {
                String next = link.other(step.site()).name();
                if (!down.contains(next) && !settled.contains(next) && (step.by() == null || mayContinue(step.by(), link))) {
                    queue.add(new Step(step.cost() + link.preference().cost, order++, next, link));
                }
            }
        }
        return arrivedBy;
    }

    /**
     * Whether a hub passes traffic that arrived over {@code in} on over {@code out}: never from
     * one peering to another, and over a peering only where it lends the hub's gateway.
     */
    private static boolean mayContinue(Link in, Link out) {
        boolean inPeering = in.kind() == LinkKind.PEERING;
        boolean outPeering = out.kind() == LinkKind.PEERING;
        if (inPeering && outPeering) {
            return false;
        }
        return (!inPeering || in.lendsGateway()) && (!outPeering || out.lendsGateway());
    }

    /** Every remote range of every other site with the link it leaves {@code site} by in normal operation, in declaration order. */
    public List<Route> routes(String site) {
        return routes.computeIfAbsent(site, s -> routesIn(tree(s, Set.of()), s));
    }

    private List<Route> routesIn(Map<String, Link> tree, String site) {
        List<Route> out = new ArrayList<>();
        for (SiteSpec remote : topology.sites()) {
            if (!remote.name().equals(site) && tree.containsKey(remote.name())) {
                Link first = pathIn(tree, site, remote.name()).orElseThrow().get(0);
                remote.routedRanges().forEach(range -> out.add(new Route(range, remote.name(), first)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The ranges {@code site} receives over {@code link}: what the far side must announce to it,
     * so that it routes them over this link in normal operation or after the loss of any one
     * region that spares both ends (the backup paths), in declaration order.
     */
    public List<Cidr> rangesVia(String site, Link link) {
        return rangesVia.computeIfAbsent(site, this::rangesByLink).getOrDefault(link, List.of());
    }

    private Map<Link, List<Cidr>> rangesByLink(String site) {
        Map<Link, Set<Cidr>> sets = new LinkedHashMap<>();
        List<Set<String>> scenarios = new ArrayList<>();
        scenarios.add(Set.of());
        scenarios.addAll(regions().stream().filter(r -> !r.contains(site)).toList());
        for (Set<String> down : scenarios) {
            for (Route route : routesIn(tree(site, down), site)) {
                sets.computeIfAbsent(route.via(), k -> new LinkedHashSet<>()).add(route.destination());
            }
        }
        Map<Link, List<Cidr>> out = new HashMap<>();
        List<Cidr> order = topology.sites().stream().flatMap(s -> s.routedRanges().stream()).toList();
        sets.forEach((link, ranges) -> out.put(link, order.stream().filter(ranges::contains).toList()));
        return out;
    }

    /** The sites lost with {@code site} when its region fails: those of the same provider in the same region (or location). */
    public Set<String> regionOf(String site) {
        SiteSpec spec = site(site);
        Set<String> out = new LinkedHashSet<>();
        topology.sites().stream().filter(s -> s.provider() == spec.provider() && s.region().equals(spec.region()))
                .forEach(s -> out.add(s.name()));
        return out;
    }

    /** Every region (or on-prem location) that holds sites, as the set of its sites, in declaration order. */
    private List<Set<String>> regions() {
        Set<Set<String>> out = new LinkedHashSet<>();
        topology.sites().forEach(s -> out.add(regionOf(s.name())));
        return List.copyOf(out);
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
     * The surviving sites that losing {@code site}'s region (with every site and gateway in it)
     * cuts off: the fewest survivors without which every other surviving pair still has a path
     * (paths are not symmetric through peerings, so pairs are checked, not one component); empty
     * when every surviving pair stays connected.
     */
    public List<String> cutOffWithout(String site) {
        return cutOffByRegion.computeIfAbsent(regionOf(site), this::cutOffWithout);
    }

    private List<String> cutOffWithout(Set<String> down) {
        List<String> survivors = topology.sites().stream().map(SiteSpec::name).filter(n -> !down.contains(n)).toList();
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (String from : survivors) {
            Set<String> reached = tree(from, down).keySet();
            for (String to : survivors) {
                if (!from.equals(to) && !reached.contains(to)) {
                    missing.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                    missing.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
                }
            }
        }
        // Greedy: take out the survivor in the most broken pairs (the first declared on a tie) until none is left.
        List<String> cut = new ArrayList<>();
        while (missing.values().stream().anyMatch(m -> !m.isEmpty())) {
            String worst = survivors.stream().filter(missing::containsKey)
                    .max(Comparator.comparingInt((String n) -> missing.get(n).size()).thenComparing(n -> -survivors.indexOf(n))).orElseThrow();
            cut.add(worst);
            missing.remove(worst).forEach(other -> missing.getOrDefault(other, new LinkedHashSet<>()).remove(worst));
        }
        return survivors.stream().filter(cut::contains).toList();
    }

    /** Per site whose region's loss cuts others off, the sites it cuts; empty for a fully redundant network. */
    public Map<String, List<String>> sharedFate() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (SiteSpec site : topology.sites()) {
            var cut = cutOffWithout(site.name());
            if (!cut.isEmpty()) {
                out.put(site.name(), cut);
            }
        }
        return out;
    }

    /**
     * The sites whose region's loss (sparing both ends) leaves no path between {@code a} and
     * {@code b}, such as a replica and its primary; empty when their path survives any one loss.
     */
    public List<String> lossesCutting(String a, String b) {
        Set<String> ends = new LinkedHashSet<>(regionOf(a));
        ends.addAll(regionOf(b));
        return regions().stream().filter(r -> r.stream().noneMatch(ends::contains))
                .filter(r -> pathWithout(a, b, r).isEmpty()).map(r -> r.iterator().next()).toList();
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
