package dev.multisite.ops.failover;

import dev.multisite.topology.FailoverStepKind;
import software.amazon.awssdk.core.SdkRequest;

import java.util.function.Consumer;

/**
 * A cloud step that is one AWS SDK request, built once: a dry run prints the very request model
 * that {@link #execute()} sends. {@link AwsSteps} builds the ones the failover uses.
 *
 * @param requestModel the request as the SDK models it
 * @param send         the client call that sends it (e.g. {@code rds::promoteReadReplica})
 * @param <R>          the SDK request model
 */
public record SdkRequestStep<R extends SdkRequest>(FailoverStepKind kind, boolean reversible, String describe, R requestModel,
                                                   Consumer<R> send) implements CloudStep {
    @Override
    public String request() {
        return requestModel.toString();
    }

    @Override
    public void execute() {
        send.accept(requestModel);
    }
}
