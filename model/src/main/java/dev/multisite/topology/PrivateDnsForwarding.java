package dev.multisite.topology;

import java.util.List;

/**
 * How sites outside Azure resolve an Azure Flexible Server's name. With private access the server's
 * name {@code <server>.postgres.database.azure.com} is a CNAME into a private DNS zone that answers
 * only in the VNets linked to it (Microsoft Learn, "Networking overview for Azure Database for
 * PostgreSQL flexible server with private access": private DNS zone). Microsoft's way for other
 * networks is an Azure DNS Private Resolver inbound endpoint in a linked VNet and conditional
 * forwarding of {@link #ZONE} to it (Microsoft Learn, "What is Azure DNS Private Resolver?" and
 * "Azure DNS Private Resolver endpoints and rulesets": the inbound endpoint takes queries from
 * networks routed to the VNet and answers from its linked private zones; its subnet is delegated to
 * {@code Microsoft.Network/dnsResolvers} and is /28 to /24).
 *
 * <p>Multisite puts one inbound endpoint, at a fixed address from the site's address plan, in every
 * Azure site that holds a Flexible Server primary (its zone is linked to every Azure VNet), and the
 * cluster DNS of every AWS and GCP site forwards {@link #ZONE} to all of them. Existing clusters'
 * DNS is not Multisite's to configure, so they are not given a forwarder.
 */
public final class PrivateDnsForwarding {
    /** The zone forwarded: the servers' public names, whose CNAMEs lead into the private zones. */
    public static final String ZONE = "postgres.database.azure.com";
    /** The sixteenth of the VNet the inbound endpoint's subnet is carved from (nodes: 0..3, PostgreSQL: 12, gateway: 15). */
    static final int SIXTEENTH = 13;
    /** Azure DNS Private Resolver's largest inbound subnet. */
    static final int WIDEST_PREFIX = 24;

    private PrivateDnsForwarding() {
    }

    /** The inbound endpoint's subnet in an Azure site's VNet: the 14th sixteenth, at most a /24. */
    public static Cidr inboundSubnet(SiteSpec azureSite) {
        Cidr sixteenth = azureSite.network().vpcCidr().subnet(azureSite.network().vpcCidr().prefixLength() + 4, SIXTEENTH);
        return sixteenth.subnet(Math.max(sixteenth.prefixLength(), WIDEST_PREFIX), 0);
    }

    /** The inbound endpoint's static address: the first one Azure leaves to a subnet (it keeps .0 to .3). */
    public static String inboundAddress(SiteSpec azureSite) {
        return inboundSubnet(azureSite).address(4);
    }

    /** The Azure sites that get an inbound endpoint: those holding a Flexible Server primary, when anyone outside Azure reads one. */
    public static List<SiteSpec> resolverSites(Topology topology) {
        if (topology.data() == null || forwardingSites(topology).isEmpty()) {
            return List.of();
        }
        return azurePrimaries(topology);
    }

    /** The sites whose cluster DNS forwards {@link #ZONE}: AWS and GCP sites, when some Azure site holds a primary. */
    public static List<SiteSpec> forwardingSites(Topology topology) {
        if (topology.data() == null || azurePrimaries(topology).isEmpty()) {
            return List.of();
        }
        return topology.sites().stream().filter(s -> forwardsZone(s.provider())).toList();
    }

    /**
     * Whether the provider's sites forward {@link #ZONE} to the inbound endpoints. A switch
     * expression: a new provider does not compile until it is decided how its pods resolve an
     * Azure database's private name (ZoneForwarding builds the forwarding of those that do).
     */
    static boolean forwardsZone(CloudProvider provider) {
        return switch (provider) {
            // Route 53 Resolver rule (AWS), kube-dns stub domain (GKE).
            case AWS, GCP -> true;
            // Azure: the primary's zone is linked to every Azure VNet. Existing: its DNS is not
            // Multisite's to configure.
            case AZURE, EXISTING -> false;
        };
    }

    private static List<SiteSpec> azurePrimaries(Topology topology) {
        return DataPartitions.of(topology.sites(), topology.data()).stream().map(DataPartitions.Plan::authority).distinct()
                .map(s -> topology.site(s).orElseThrow()).filter(s -> s.provider() == CloudProvider.AZURE).toList();
    }
}
