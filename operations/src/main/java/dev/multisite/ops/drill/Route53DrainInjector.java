package dev.multisite.ops.drill;

import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/**
 * Drains a site through its Route 53 drain switch: the inverted health check that the site's
 * calculated check combines as "site healthy AND NOT drained". Flipping {@code Inverted} on that one
 * check takes the site out of every routing policy without touching a record; restore flips it back.
 * Credentials come from the AWS default chain (environment, profile, SSO, instance role).
 *
 * @param drainedInverted the {@code Inverted} value that means "drained" for this switch (the
 *                        traffic layer documents which; its resting value is the opposite)
 */
public record Route53DrainInjector(Route53Client route53, String site, String drainCheckId, boolean drainedInverted) implements FailureInjector {
    @Override
    public String describe() {
        return "flip Route 53 drain switch " + drainCheckId + " of " + site + " (Inverted=" + drainedInverted + ")";
    }

    @Override
    public void inject() {
        flip(drainedInverted);
    }

    @Override
    public void restore() {
        flip(!drainedInverted);
    }

    private void flip(boolean inverted) {
        route53.updateHealthCheck(UpdateHealthCheckRequest.builder().healthCheckId(drainCheckId).inverted(inverted).build());
    }
}
