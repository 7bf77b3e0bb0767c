package dev.multisite.topology;

import java.util.List;
import java.util.Optional;

/**
 * Google private services access, which Cloud SQL's private IP rides on: a range allocated in the
 * site's VPC ({@code gcp.privateServicesCidr}, from the topology's address plan, not auto-allocated
 * from what the local VPC alone knows) and a VPC peering with Google's service producer network,
 * named {@link #PEERING}. Google, "Private services access" and "Configure private services
 * access" (cloud.google.com/vpc/docs/private-services-access, .../configure-private-services-access):
 * the producer network is reachable from other networks only if (1) the consumer's Cloud Router
 * advertises the allocated range over its BGP sessions (custom advertisement) and (2) the peering
 * exports the consumer's custom routes, so the producer learns the way back; VPC peering is not
 * transitive (cloud.google.com/vpc/docs/vpc-peering), so the range never crosses a second peering.
 */
public final class PrivateServices {
    /** The peering servicenetworking creates in the consumer VPC (the name routes configs refer to). */
    public static final String PEERING = "servicenetworking-googleapis-com";
    /** Whether the stack exports the VPC's custom (BGP-learned) routes to the producer: the return path. */
    public static final boolean EXPORTS_CUSTOM_ROUTES = true;

    private PrivateServices() {
    }

    /** The allocated range of a GCP site, if it declares one. */
    public static Optional<Cidr> range(SiteSpec site) {
        return site.provider() == CloudProvider.GCP && site.gcp() != null ? Optional.ofNullable(site.gcp().privateServicesCidr()) : Optional.empty();
    }

    /**
     * The GCP sites whose VPC holds Cloud SQL instances: each partition's primary (and retired
     * primary). A Cloud SQL replica joins its primary's VPC (Cloud SQL takes a replica's private
     * network from its primary; terraform-provider-google issue 3495 shows the API refusing another
     * one), so replicas add none, and a replica's address is in its primary site's range.
     */
    public static List<String> hostSites(Topology topology) {
        if (topology.data() == null) {
            return List.of();
        }
        return DataPartitions.of(topology.sites(), topology.data()).stream()
                .map(PrivateServices::networkSite)
                .filter(s -> topology.site(s).map(SiteSpec::provider).orElse(null) == CloudProvider.GCP)
                .distinct().toList();
    }

    /**
     * The site whose VPC a partition's Cloud SQL instances live in: its primary's, and after a
     * promotion still the retired primary's (the promoted replica was created there and keeps it).
     */
    public static String networkSite(DataPartitions.Plan partition) {
        return partition.retired() != null ? partition.retired() : partition.authority();
    }
}
