package dev.multisite.site;

import com.pulumi.core.Alias;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * A DNS zone a site sends to other resolvers, as {@link Site#forwardZone} takes it: the zone, the
 * resolvers' addresses, where those are (which decides what on the site can reach them), and what
 * the resources the forwarding creates hang under.
 *
 * @param zone          the zone forwarded, e.g. {@code clusterset.local}
 * @param resolvers     the addresses queries for the zone go to (port 53)
 * @param reach         where the resolvers are
 * @param label         names what a cloud creates per forwarded zone ({@code <site>-dns-<label>} on AWS)
 * @param resolversName the resolvers, for descriptions (e.g. "the Azure DNS Private Resolver")
 * @param parent        the parent of what the forwarding creates
 * @param dependsOn     what must exist before the site's DNS points at the resolvers
 * @param aliasedAtRoot whether what it creates is aliased to the stack's root (a part's copy of a
 *                      component that `pulumi state move` leaves behind)
 */
public record ZoneForward(String zone, List<String> resolvers, Reach reach, String label, String resolversName,
                          Resource parent, List<Resource> dependsOn, boolean aliasedAtRoot) {

    /** Where the resolvers are. */
    public enum Reach {
        /** A Service of the site's own cluster, at its ClusterIP: only the cluster's DNS reaches it. */
        CLUSTER_SERVICE,
        /** Addresses routed from the site's network (over the interconnect). */
        ROUTED
    }

    public ZoneForward {
        resolvers = List.copyOf(resolvers);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The zone to the resolver Service {@code service} of the site's own cluster, at {@code clusterIp}. */
    public static ZoneForward toClusterService(String zone, String clusterIp, Resource service, String label, Resource parent) {
        return new ZoneForward(zone, List.of(clusterIp), Reach.CLUSTER_SERVICE, label, "the cluster's resolver for " + zone,
                parent, List.of(service), false);
    }

    /** The zone to resolvers routed from the site's network, under {@code parent} and aliased to the stack's root. */
    public static ZoneForward toRoutedResolvers(String zone, List<String> addresses, String label, String resolversName, Resource parent) {
        return new ZoneForward(zone, addresses, Reach.ROUTED, label, resolversName, parent, List.of(), true);
    }

    /** Options of a resource of the forwarding, on {@code provider}. */
    CustomResourceOptions options(ProviderResource provider) {
        var options = CustomResourceOptions.builder().parent(parent).provider(provider);
        if (!dependsOn.isEmpty()) {
            options.dependsOn(dependsOn);
        }
        if (aliasedAtRoot) {
            options.aliases(Alias.noParent());
        }
        return options.build();
    }

    /** A CoreDNS server block that sends the zone to the resolvers (Corefile syntax; CoreDNS "forward" plugin). */
    String corefileServerBlock() {
        return zone + ":53 {\n"
                + "    errors\n"
                + "    cache 30\n"
                + "    forward . " + String.join(" ", resolvers) + "\n"
                + "}\n";
    }
}
