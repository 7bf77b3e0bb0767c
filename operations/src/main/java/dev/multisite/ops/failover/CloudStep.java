package dev.multisite.ops.failover;

import dev.multisite.topology.FailoverStepKind;

/**
 * One step of a cloud failover, behind the same step kinds as the lab's run: what it does, the
 * exact request (an SDK request model or a command line), and doing it. A dry run prints
 * {@link #request()} and never calls {@link #execute()}.
 */
public interface CloudStep {
    FailoverStepKind kind();

    String describe();

    /** The request as it would be sent: the SDK model's own rendering, or the command line. */
    String request();

    /** Whether the step can be undone by the run itself (a promotion cannot: replication has ended). */
    boolean reversible();

    void execute() throws Exception;
}
