package dev.multisite.data;

import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.site.ZoneForward;
import dev.multisite.topology.PrivateDnsForwarding;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conditional forwarding of {@link PrivateDnsForwarding#ZONE} from the AWS and GCP sites to the Azure
 * DNS Private Resolver inbound endpoints, so those sites resolve the Flexible Server names they are
 * handed (the addresses are routed over the interconnect: they are in the Azure sites' VNet ranges).
 * Each site forwards the zone the way its cloud forwards any zone ({@link Site#forwardZone}): AWS
 * through a Route 53 Resolver rule, GKE through a kube-dns stub domain.
 */
public final class ZoneForwarding {

    private ZoneForwarding() {
    }

    /**
     * The forwarding of every site {@link PrivateDnsForwarding#forwardingSites} names, to every
     * inbound endpoint; written with the data endpoints (one stack: under the data tier; fleet mode:
     * in the data-endpoints part, under its copy of the data tier, hence aliased to the stack's root:
     * where `pulumi state move` puts them; fleet migrate, state_move.go in pulumi/pulumi).
     */
    public static void build(Topology topology, List<Site> sites, Resource parent) {
        List<String> targets = PrivateDnsForwarding.resolverSites(topology).stream().map(PrivateDnsForwarding::inboundAddress).toList();
        Set<String> forwarding = PrivateDnsForwarding.forwardingSites(topology).stream().map(SiteSpec::name).collect(Collectors.toSet());
        sites.stream().filter(s -> forwarding.contains(s.name())).forEach(s -> s.forwardZone(
                ZoneForward.toRoutedResolvers(PrivateDnsForwarding.ZONE, targets, "azure-postgres", "the Azure DNS Private Resolver", parent)));
    }
}
