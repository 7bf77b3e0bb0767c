package dev.multisite.topology;

/**
 * The address plan of a site. All three ranges must be disjoint from every range of every site,
 * so that routed links, Cilium Cluster Mesh and database replication can cross sites.
 *
 * @param vpcCidr     the VPC / VNet range (nodes, load balancers); /16 to /24
 * @param podCidr     the pod range (Cilium cluster-pool / GKE secondary range / AKS overlay)
 * @param serviceCidr the ClusterIP service range
 * @param asn         the site's BGP autonomous system number for the interconnect: private
 *                    (64512..65534 or 4200000000..4294967294) and unique; default 64512 + the
 *                    site's {@code mesh.clusterId}
 */
public record NetworkSettings(@Required Cidr vpcCidr, @Required Cidr podCidr, @Required Cidr serviceCidr, Long asn) {
    /** The first ASN of the 16-bit private range, the base of the default ASNs. */
    public static final long PRIVATE_ASN_BASE = 64512;

    /** The three ranges of the site, in the order routes and prefix lists list them. */
    public java.util.List<Cidr> ranges() {
        return java.util.List.of(vpcCidr, podCidr, serviceCidr);
    }
}
