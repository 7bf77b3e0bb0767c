package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code sites[].gcp}: settings only a {@code gcp} site has (required on one).
 * Getters return null for an absent key.
 */
public final class GcpArgs extends ResourceArgs {

    /** The GCP project id that holds the site's VPC and cluster. */
    @Import(name = "project", required = true)
    private String project;

    /** The /28 of the private control plane, disjoint from every other range. */
    @Import(name = "masterIpv4Cidr", required = true)
    private String masterIpv4Cidr;

    /** The private services access range Cloud SQL takes its addresses from; required where the site's VPC holds Cloud SQL. */
    @Import(name = "privateServicesCidr")
    private String privateServicesCidr;

    public GcpArgs() {
    }

    public String project() {
        return project;
    }

    public String masterIpv4Cidr() {
        return masterIpv4Cidr;
    }

    public String privateServicesCidr() {
        return privateServicesCidr;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final GcpArgs args = new GcpArgs();

        public Builder project(String project) {
            args.project = project;
            return this;
        }

        public Builder masterIpv4Cidr(String masterIpv4Cidr) {
            args.masterIpv4Cidr = masterIpv4Cidr;
            return this;
        }

        public Builder privateServicesCidr(String privateServicesCidr) {
            args.privateServicesCidr = privateServicesCidr;
            return this;
        }

        public GcpArgs build() {
            return args;
        }
    }
}
