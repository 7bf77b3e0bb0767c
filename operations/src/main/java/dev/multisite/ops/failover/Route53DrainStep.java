package dev.multisite.ops.failover;

import dev.multisite.topology.FailoverStepKind;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/**
 * Drains a site through its Route 53 drain switch (the inverted check its calculated check depends
 * on): Route 53 API Reference, UpdateHealthCheck, {@code Inverted}. Reversible: flip it back.
 */
public final class Route53DrainStep implements CloudStep {
    private final Route53Client route53;
    private final String site;
    private final UpdateHealthCheckRequest request;

    public Route53DrainStep(Route53Client route53, String site, String drainCheckId) {
        this.route53 = route53;
        this.site = site;
        this.request = UpdateHealthCheckRequest.builder().healthCheckId(drainCheckId).inverted(true).build();
    }

    public UpdateHealthCheckRequest requestModel() {
        return request;
    }

    @Override
    public FailoverStepKind kind() {
        return FailoverStepKind.DRAIN_DNS;
    }

    @Override
    public String describe() {
        return "drain " + site + " from Route 53 (drain switch " + request.healthCheckId() + " inverted)";
    }

    @Override
    public String request() {
        return request.toString();
    }

    @Override
    public boolean reversible() {
        return true;
    }

    @Override
    public void execute() {
        route53.updateHealthCheck(request);
    }
}
