package dev.multisite.ops.failover;

import dev.multisite.topology.FailoverStepKind;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaRequest;

/**
 * Promotes an RDS read replica to a standalone instance: Amazon RDS API Reference,
 * PromoteReadReplica ({@code DBInstanceIdentifier} required). Not reversible: the replica stops
 * replicating, so failback builds a new replica (the plan's failback says how).
 */
public final class RdsPromoteStep implements CloudStep {
    private final RdsClient rds;
    private final String site;
    private final PromoteReadReplicaRequest request;

    public RdsPromoteStep(RdsClient rds, String site, String instanceId) {
        this.rds = rds;
        this.site = site;
        this.request = PromoteReadReplicaRequest.builder().dbInstanceIdentifier(instanceId).build();
    }

    public PromoteReadReplicaRequest requestModel() {
        return request;
    }

    @Override
    public FailoverStepKind kind() {
        return FailoverStepKind.PROMOTE_REPLICA;
    }

    @Override
    public String describe() {
        return "promote the RDS read replica " + request.dbInstanceIdentifier() + " in " + site;
    }

    @Override
    public String request() {
        return request.toString();
    }

    @Override
    public boolean reversible() {
        return false;
    }

    @Override
    public void execute() {
        rds.promoteReadReplica(request);
    }
}
