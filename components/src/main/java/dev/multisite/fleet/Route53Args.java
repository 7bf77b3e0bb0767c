package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code traffic.dns[].route53}: a Route 53 public hosted zone.
 * Getters return null for an absent key.
 */
public final class Route53Args extends ResourceArgs {

    /** E.g. {@code Z0123456789ABCDEFGHIJ}. */
    @Import(name = "hostedZoneId", required = true)
    private String hostedZoneId;

    /** The zone's name, the names it is authoritative for; default the stack's domain. */
    @Import(name = "zone", required = false)
    private String zone;

    public Route53Args() {
    }

    public String hostedZoneId() {
        return hostedZoneId;
    }

    public String zone() {
        return zone;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Route53Args args = new Route53Args();

        public Builder hostedZoneId(String hostedZoneId) {
            args.hostedZoneId = hostedZoneId;
            return this;
        }

        public Builder zone(String zone) {
            args.zone = zone;
            return this;
        }

        public Route53Args build() {
            return args;
        }
    }
}
