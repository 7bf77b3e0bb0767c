package dev.multisite.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every name and address a site is given can be reached from that site: the data tier's write and
 * read hosts in its {@code multisite-data} ConfigMap, the other sites' mesh apiservers, its own
 * health name, and the hub gateways its tunnels dial. For each one, a route over the interconnect
 * covers the address (the owner announces the range, the path carries it) and a resolver on the
 * site's path answers the name (public DNS, or a private zone linked to the site's network, or
 * conditional forwarding the stack builds). The parser refuses a topology with a finding, and the
 * policy {@code every-endpoint-reachable} reports it on previews.
 */
public final class Reachability {
    /** Words every finding's message carries, so the policy can pick them out of the parser's problems. */
    public static final String MARKER = "is unreachable from this site";

    public enum Kind {
        DATA("data endpoint"), MESH("mesh apiserver"), HEALTH("health endpoint"), HUB("hub address");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** How a site turns what it is given into an address. */
    public enum Resolution {
        /** An IP address: nothing to resolve. */
        ADDRESS,
        /** A name in public DNS (a zone the stack publishes to, or a cloud's public record). */
        PUBLIC,
        /** A name in the stack's DNS zones: resolvable only if a backend's zone holds it. */
        STACK_ZONE,
        /** An Azure Flexible Server name, answered by its private zone in linked VNets only. */
        AZURE_PRIVATE_ZONE
    }

    /**
     * One thing a site is given.
     *
     * @param site     who is given it
     * @param label    what it is, for messages ({@code partition eu write host})
     * @param endpoint the name or address ({@code <server>.postgres.database.azure.com})
     * @param owner    the site whose network holds the address
     * @param range    the range the address lies in, or null for a public address
     * @param linked   for {@link Resolution#AZURE_PRIVATE_ZONE}: the sites whose VNets the zone is linked to
     */
    public record Endpoint(String site, Kind kind, String label, String endpoint, String owner, Cidr range, Resolution resolution,
                           List<String> linked) {
    }

    /** What is missing for {@code endpoint}, in one line. */
    public record Finding(Endpoint endpoint, String missing) {
        public String path() {
            return "sites[" + endpoint.site() + "]";
        }

        public String message() {
            Endpoint e = endpoint;
            return e.kind().words() + " " + e.label() + " (" + e.endpoint() + (e.owner().equals(e.site()) ? "" : ", on " + e.owner())
                    + ") " + MARKER + ": " + missing;
        }

        @Override
        public String toString() {
            return path() + ": " + message();
        }
    }

    /**
     * What the stack builds that reachability rests on; {@link #of} is what the components build,
     * and tests pass variants to show each missing piece is reported.
     *
     * @param announced          the ranges a site announces over the interconnect
     * @param psaExportsRoutes   whether the servicenetworking peering exports custom routes (Cloud SQL's way back)
     * @param forwarding         the sites whose cluster DNS forwards {@link PrivateDnsForwarding#ZONE}
     * @param resolvers          the Azure sites with a DNS Private Resolver inbound endpoint
     */
    public record Fabric(Function<SiteSpec, List<Cidr>> announced, boolean psaExportsRoutes, Set<String> forwarding, Set<String> resolvers) {
        public static Fabric of(Topology topology) {
            return new Fabric(SiteSpec::routedRanges, PrivateServices.EXPORTS_CUSTOM_ROUTES,
                    names(PrivateDnsForwarding.forwardingSites(topology)), names(PrivateDnsForwarding.resolverSites(topology)));
        }

        private static Set<String> names(List<SiteSpec> sites) {
            Set<String> out = new LinkedHashSet<>();
            sites.forEach(s -> out.add(s.name()));
            return out;
        }
    }

    private final Topology topology;
    private final InterconnectGraph graph;
    private final Fabric fabric;

    private Reachability(Topology topology, InterconnectGraph graph, Fabric fabric) {
        this.topology = topology;
        this.graph = graph;
        this.fabric = fabric;
    }

    /** The findings of a topology whose sites, network and layers are otherwise valid, as the stack builds it. */
    public static List<Finding> check(Topology topology) {
        return check(topology, InterconnectGraph.of(topology), Fabric.of(topology));
    }

    public static List<Finding> check(Topology topology, InterconnectGraph graph, Fabric fabric) {
        var r = new Reachability(topology, graph, fabric);
        List<Finding> out = new ArrayList<>();
        for (Endpoint e : r.endpoints()) {
            r.missing(e).ifPresent(m -> out.add(new Finding(e, m)));
        }
        return out;
    }

    /** Everything every site is given, site by site in declaration order. */
    public static List<Endpoint> endpoints(Topology topology) {
        return new Reachability(topology, InterconnectGraph.of(topology), Fabric.of(topology)).endpoints();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (SiteSpec site : topology.sites()) {
            dataEndpoints(site, out);
            meshEndpoints(site, out);
            if (topology.traffic() != null) {
                String own = topology.traffic().siteHostname(site.name());
                out.add(new Endpoint(site.name(), Kind.HEALTH, "of the site's own ingress", own, site.name(), null, Resolution.STACK_ZONE, List.of()));
            }
            for (var link : graph.linksOf(site.name())) {
                if (!link.tunnels().isEmpty()) {
                    SiteSpec far = link.other(site.name());
                    // Public gateway addresses, reached over the internet: the IPsec underlay needs no interconnect route.
                    out.add(new Endpoint(site.name(), Kind.HUB, "of " + far.name() + "'s VPN gateway (link " + link.name() + ")",
                            far.provider() == CloudProvider.EXISTING && far.existing() != null && far.existing().vpn() != null
                                    ? far.existing().vpn().publicIp() : far.name() + " gateway address",
                            far.name(), null, Resolution.ADDRESS, List.of()));
                }
            }
        }
        return out;
    }

    /** The write and read host of every partition, as DataEndpoints writes them into the site's ConfigMap. */
    private void dataEndpoints(SiteSpec site, List<Endpoint> out) {
        if (topology.data() == null) {
            return;
        }
        var readers = DataPartitions.localReaders(topology);
        for (var partition : DataPartitions.of(topology.sites(), topology.data())) {
            out.add(dataEndpoint(site, "partition " + partition.name() + " write host", partition.authority(), partition));
            String read = readers.get(partition.name()).contains(site.name()) ? site.name() : partition.authority();
            out.add(dataEndpoint(site, "partition " + partition.name() + " read host", read, partition));
        }
    }

    private Endpoint dataEndpoint(SiteSpec site, String label, String nodeSite, DataPartitions.Plan partition) {
        SiteSpec node = topology.site(nodeSite).orElseThrow();
        boolean primary = nodeSite.equals(partition.authority());
        return switch (node.provider()) {
            // RDS endpoint names are in public DNS and resolve to the instance's private address in its VPC.
            case AWS -> new Endpoint(site.name(), Kind.DATA, label, "RDS " + nodeSite + "-*.rds.amazonaws.com", nodeSite,
                    node.network().vpcCidr(), Resolution.PUBLIC, List.of());
            // Cloud SQL is handed by private IP, from the private services range of its primary's VPC.
            case GCP -> {
                SiteSpec network = topology.site(PrivateServices.networkSite(partition)).orElseThrow();
                yield new Endpoint(site.name(), Kind.DATA, label, "Cloud SQL private IP on " + nodeSite, network.name(),
                        PrivateServices.range(network).orElse(null), Resolution.ADDRESS, List.of());
            }
            // A primary's private zone is linked to every Azure VNet, a replica's to its own.
            case AZURE -> new Endpoint(site.name(), Kind.DATA, label, "Flexible Server " + nodeSite + " (" + PrivateDnsForwarding.ZONE + ")",
                    nodeSite, node.network().vpcCidr(), Resolution.AZURE_PRIVATE_ZONE, primary
                    ? topology.sites().stream().filter(s -> s.provider() == CloudProvider.AZURE).map(SiteSpec::name).toList()
                    : List.of(nodeSite));
            case EXISTING -> throw new IllegalStateException("an existing site hosts no database (the data validator refuses it)");
        };
    }

    /** Every other site's clustermesh-apiserver, by the name its ExternalDNS publishes. */
    private void meshEndpoints(SiteSpec site, List<Endpoint> out) {
        // Without a traffic block the stack publishes no names at all (no ExternalDNS): the mesh
        // names are then the operator's to publish, outside what this check can see.
        if (!topology.mesh().enabled() || topology.traffic() == null) {
            return;
        }
        // Behind an internal load balancer (or node ports on the nodes) in the remote VPC: private unless
        // the interconnect is off, when nodeport exposure is reached on public node addresses.
        boolean privateAddress = topology.network().interconnect().enabled();
        for (SiteSpec remote : topology.sites()) {
            if (!remote.name().equals(site.name())) {
                out.add(new Endpoint(site.name(), Kind.MESH, "of " + remote.name(), MeshOptions.apiserverAddress(remote.name(), topology.domain()),
                        remote.name(), privateAddress ? remote.network().vpcCidr() : null, Resolution.STACK_ZONE, List.of()));
            }
        }
    }

    private Optional<String> missing(Endpoint e) {
        return resolverMissing(e).or(() -> routeMissing(e.site(), e.owner(), e.range(), e));
    }

    private Optional<String> resolverMissing(Endpoint e) {
        return switch (e.resolution()) {
            case ADDRESS, PUBLIC -> Optional.empty();
            case STACK_ZONE -> topology.traffic() != null && DnsAuthority.of(topology).authorityOf(e.endpoint()).isPresent()
                    ? Optional.empty()
                    : Optional.of("no DNS backend publishes the name (add a traffic.dns backend whose zone holds it)");
            case AZURE_PRIVATE_ZONE -> {
                if (e.linked().contains(e.site())) {
                    yield Optional.empty();
                }
                if (!fabric.forwarding().contains(e.site())) {
                    yield Optional.of("its private DNS zone answers only in the VNets of " + String.join(", ", e.linked())
                            + ", and this site's DNS forwards no " + PrivateDnsForwarding.ZONE + " to an Azure DNS Private Resolver");
                }
                for (String resolver : fabric.resolvers()) {
                    if (e.linked().contains(resolver)) {
                        SiteSpec r = topology.site(resolver).orElseThrow();
                        var route = routeMissing(e.site(), resolver, r.network().vpcCidr(), null);
                        if (route.isEmpty()) {
                            yield Optional.empty();
                        }
                    }
                }
                yield Optional.of("no DNS Private Resolver inbound endpoint this site can route to sits in a VNet linked to its zone ("
                        + String.join(", ", e.linked()) + ")");
            }
        };
    }

    /** What keeps {@code site} from routing to {@code range} of {@code owner}, if anything. */
    private Optional<String> routeMissing(String site, String owner, Cidr range, Endpoint e) {
        if (e != null && e.kind() == Kind.DATA && range == null && e.resolution() == Resolution.ADDRESS) {
            return Optional.of(owner + " has no gcp.privateServicesCidr: Cloud SQL's range is not allocated from the address plan");
        }
        if (range == null || site.equals(owner)) {
            return Optional.empty();
        }
        if (!topology.network().interconnect().enabled()) {
            return Optional.of("the interconnect is off, so nothing routes " + range + " of " + owner + " here");
        }
        var path = graph.path(site, owner);
        if (path.isEmpty()) {
            return Optional.of("no path over the interconnect to " + owner);
        }
        SiteSpec ownerSpec = topology.site(owner).orElseThrow();
        if (!fabric.announced().apply(ownerSpec).contains(range)) {
            return Optional.of(owner + " does not announce " + range + " over the interconnect");
        }
        boolean privateServices = PrivateServices.range(ownerSpec).filter(range::equals).isPresent();
        if (privateServices) {
            var peering = path.get().stream().filter(l -> l.kind() == InterconnectGraph.LinkKind.PEERING).findFirst();
            if (peering.isPresent()) {
                return Optional.of("the path crosses the VPC peering " + peering.get().name() + ", and " + range
                        + " is itself a peering route there (VPC peering is not transitive)");
            }
            if (!fabric.psaExportsRoutes()) {
                return Optional.of("the " + PrivateServices.PEERING + " peering of " + owner
                        + " exports no custom routes, so Cloud SQL has no route back to this site");
            }
        }
        return Optional.empty();
    }
}
