package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code sites[].network}: the site's address plan. Every range must be disjoint from every range
 * of every site.
 * Getters return null for an absent key.
 */
public final class SiteNetworkArgs extends ResourceArgs {

    /** VPC / VNet range, an IPv4 CIDR /16../24. */
    @Import(name = "vpcCidr", required = true)
    private String vpcCidr;

    /** Pod range, an IPv4 CIDR /8../22. */
    @Import(name = "podCidr", required = true)
    private String podCidr;

    /** ClusterIP service range, an IPv4 CIDR /12../24. */
    @Import(name = "serviceCidr", required = true)
    private String serviceCidr;

    /**
     * The site's private BGP ASN, unique: 64512..65534 (aws and gcp: only these), or
     * 4200000000..4294967294 for azure and existing; default 64512 + {@code mesh.clusterId}. A whole
     * number held as a {@code Double}, because the component host cannot deserialize {@code Long} and
     * the upper range does not fit an {@code Integer}.
     */
    @Import(name = "asn", required = false)
    private Double asn;

    public SiteNetworkArgs() {
    }

    public String vpcCidr() {
        return vpcCidr;
    }

    public String podCidr() {
        return podCidr;
    }

    public String serviceCidr() {
        return serviceCidr;
    }

    public Double asn() {
        return asn;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SiteNetworkArgs args = new SiteNetworkArgs();

        public Builder vpcCidr(String vpcCidr) {
            args.vpcCidr = vpcCidr;
            return this;
        }

        public Builder podCidr(String podCidr) {
            args.podCidr = podCidr;
            return this;
        }

        public Builder serviceCidr(String serviceCidr) {
            args.serviceCidr = serviceCidr;
            return this;
        }

        public Builder asn(Double asn) {
            args.asn = asn;
            return this;
        }

        public SiteNetworkArgs build() {
            return args;
        }
    }
}
