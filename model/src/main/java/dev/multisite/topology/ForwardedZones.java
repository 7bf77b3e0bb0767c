package dev.multisite.topology;

import java.util.List;

/**
 * The zones a site's cluster DNS forwards, across the blocks that ask for them: {@code clusterset.local}
 * for global services ({@code gitops.apps[].globalServices}) and the Azure database zone while an Azure
 * site holds a primary ({@link PrivateDnsForwarding}). GKE's kube-dns takes every stub domain in one
 * ConfigMap entry ({@code kube-system/kube-dns}, {@code stubDomains}; GKE "Adding custom resolvers for
 * stub domains"), and each zone is written by its own {@code ConfigMapPatch}. Pulumi gives each Patch
 * resource a random field manager, and a conflict between two of them is an error unless the
 * {@code pulumi.com/patchForce} annotation forces it (Pulumi Registry, kubernetes, any {@code *Patch}
 * resource, e.g. {@code core/v1 ConfigMapPatch}); forced, the later patch would drop the other zone
 * (Kubernetes "Server-Side Apply", conflicts). So a site cannot take both until one patch writes them together.
 */
final class ForwardedZones {

    private ForwardedZones() {
    }

    static void check(Topology topology, Problems problems) {
        if (topology.gitops() == null || !topology.gitops().exportsGlobalServices()) {
            return;
        }
        List<SiteSpec> forwarding = PrivateDnsForwarding.forwardingSites(topology);
        for (SiteSpec site : forwarding) {
            if (oneEntryForEveryZone(site.provider())) {
                problems.add("gitops.apps[].globalServices", "site " + site.name() + " (" + site.provider().key() + ") would forward "
                        + ClustersetDnsFacts.ZONE + " and " + PrivateDnsForwarding.ZONE + " through kube-dns's one stubDomains entry, which "
                        + "two patches cannot share; export no global service while an Azure site holds a database primary, or move the "
                        + "primaries off Azure");
            }
        }
    }

    /**
     * Whether the provider's sites forward every zone through one entry two forwards would both write.
     * A switch expression: a new provider does not compile until it is decided here.
     */
    static boolean oneEntryForEveryZone(CloudProvider provider) {
        return switch (provider) {
            // GKE's kube-dns: one stubDomains entry in its ConfigMap.
            case GCP -> true;
            // A Route 53 Resolver rule per zone (AWS), a coredns-custom key per zone (AKS); existing
            // clusters forward no zone Multisite configures.
            case AWS, AZURE, EXISTING -> false;
        };
    }
}
