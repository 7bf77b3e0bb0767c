package dev.multisite.topology;

/**
 * Settings that only a {@code gcp} site has.
 *
 * @param project       the GCP project id that holds the site's VPC and cluster (required)
 * @param masterIpv4Cidr the /28 of the private control plane; must not overlap any other range
 */
public record GcpSettings(String project, Cidr masterIpv4Cidr) {
}
