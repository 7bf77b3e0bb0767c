package dev.multisite.topology;

/**
 * The address plan of a site. All three ranges must be disjoint from every range of every site,
 * so that routed links, Cilium Cluster Mesh and database replication can cross sites.
 *
 * @param vpcCidr     the VPC / VNet range (nodes, load balancers); /16 to /24
 * @param podCidr     the pod range (Cilium cluster-pool / GKE secondary range / AKS overlay)
 * @param serviceCidr the ClusterIP service range
 */
public record NetworkSettings(Cidr vpcCidr, Cidr podCidr, Cidr serviceCidr) {
}
