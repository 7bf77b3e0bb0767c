package dev.multisite.topology;

/**
 * Settings that only a {@code gcp} site has.
 *
 * @param project              the GCP project id that holds the site's VPC and cluster (required)
 * @param masterIpv4Cidr       the /28 of the private control plane; must not overlap any other range
 * @param privateServicesCidr  the private services access range of the site's VPC, from which Cloud SQL
 *                             takes its private addresses; required on a site whose VPC holds Cloud SQL
 *                             (a primary and its replicas), /16../24, disjoint from every other range,
 *                             and announced over the interconnect like the site's other ranges
 */
public record GcpSettings(@Required String project, @Required Cidr masterIpv4Cidr, Cidr privateServicesCidr) implements ProviderSettings {
}
