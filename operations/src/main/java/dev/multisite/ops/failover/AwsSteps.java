package dev.multisite.ops.failover;

import dev.multisite.topology.FailoverStepKind;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaRequest;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/** The failover steps that are one AWS API request each, as the services' API references define them. */
public final class AwsSteps {
    private AwsSteps() {
    }

    /**
     * Promotes an RDS read replica to a standalone instance: Amazon RDS API Reference,
     * PromoteReadReplica ({@code DBInstanceIdentifier} required). Not reversible: the replica stops
     * replicating, so failback builds a new replica (the plan's failback says how).
     */
    public static SdkRequestStep<PromoteReadReplicaRequest> rdsPromote(RdsClient rds, String site, String instanceId) {
        return new SdkRequestStep<>(FailoverStepKind.PROMOTE_REPLICA, false, "promote the RDS read replica " + instanceId + " in " + site,
                PromoteReadReplicaRequest.builder().dbInstanceIdentifier(instanceId).build(), rds::promoteReadReplica);
    }

    /**
     * Drains a site through its Route 53 drain switch (the inverted check its calculated check
     * depends on): Route 53 API Reference, UpdateHealthCheck, {@code Inverted}. Reversible: flip it back.
     */
    public static SdkRequestStep<UpdateHealthCheckRequest> route53Drain(Route53Client route53, String site, String drainCheckId) {
        return new SdkRequestStep<>(FailoverStepKind.DRAIN_DNS, true, "drain " + site + " from Route 53 (drain switch " + drainCheckId + " inverted)",
                UpdateHealthCheckRequest.builder().healthCheckId(drainCheckId).inverted(true).build(), route53::updateHealthCheck);
    }
}
