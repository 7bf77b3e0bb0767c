package dev.multisite.site;

import dev.multisite.topology.Cidr;

/**
 * How a site's VPC range is carved, the same way on every cloud: three quarters go to the three
 * private (node) subnets, the last quarter is split into four smaller public (load balancer / NAT)
 * subnets, three of which are used. A /16 gives three /18 private and three /20 public subnets;
 * a /24 (the narrowest allowed) gives /26 and /28.
 */
final class SubnetLayout {
    static final int ZONES = 3;

    private SubnetLayout() {
    }

    static Cidr privateSubnet(Cidr vpc, int zone) {
        return vpc.subnet(vpc.prefixLength() + 2, zone);
    }

    static Cidr publicSubnet(Cidr vpc, int zone) {
        return vpc.subnet(vpc.prefixLength() + 4, 12 + zone);
    }
}
