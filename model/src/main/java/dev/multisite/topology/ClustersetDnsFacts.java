package dev.multisite.topology;

/**
 * How a site answers {@code clusterset.local}, the Multi-Cluster Services DNS zone (KEP-1645), shared
 * by the components, the runbooks and the docs.
 *
 * <p>Cloud sites run a small CoreDNS of Multisite's own ({@link #IMAGE}, 1.12.2 or later, the version
 * Cilium's MCS guide requires) whose {@code kubernetes} plugin serves the zone with its
 * {@code multicluster} option, and the cluster DNS forwards the zone to it: on EKS through the
 * CoreDNS add-on's {@code corefile} configuration value, on AKS through the {@code coredns-custom}
 * ConfigMap (a {@code .server} block; Microsoft Learn "Customize CoreDNS with AKS": the main
 * Corefile cannot be modified), on GKE through kube-dns {@code stubDomains} (GKE "Using kube-dns",
 * "Adding custom resolvers for stub domains"). Existing clusters keep their own CoreDNS and Cilium
 * configures it ({@code clustermesh.mcsapi.corednsAutoConfigure}).
 */
public final class ClustersetDnsFacts {
    private ClustersetDnsFacts() {
    }

    public static final String ZONE = "clusterset.local";
    /** CoreDNS 1.12.2 (Docker Hub coredns/coredns): the first release Cilium's MCS guide accepts. */
    public static final String IMAGE = "docker.io/coredns/coredns:1.12.2";
    public static final String NAME = "multisite-clusterset-dns";
    /**
     * The resolver Service's fixed ClusterIP: this offset into the site's service range. It lies in
     * the range's lower band, which the API server keeps for static addresses and never hands out
     * dynamically (Kubernetes "Service ClusterIP allocation", KEP-3070), next to kube-dns's .10.
     */
    public static final int CLUSTER_IP_OFFSET = 53;

    /** The resolver's address on a site. */
    public static String resolverIp(SiteSpec site) {
        return site.network().serviceCidr().address(CLUSTER_IP_OFFSET);
    }

    /** The name a global Service has on every site ({@code <service>.<namespace>.svc.clusterset.local}). */
    public static String serviceName(String service, String namespace) {
        return service + "." + namespace + ".svc." + ZONE;
    }
}
