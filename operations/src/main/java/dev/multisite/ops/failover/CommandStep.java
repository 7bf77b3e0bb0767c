package dev.multisite.ops.failover;

import dev.multisite.topology.FailoverStepKind;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A step that is a command line: the hub move and the repoint are the exact {@code pulumi up} or
 * {@code ./multisite fleet up --only} of the plan (Pulumi CLI: {@code up --yes} skips the prompt).
 */
public final class CommandStep implements CloudStep {
    private final FailoverStepKind kind;
    private final String what;
    private final List<String> command;

    public CommandStep(FailoverStepKind kind, String what, List<String> command) {
        this.kind = kind;
        this.what = what;
        this.command = List.copyOf(command);
    }

    @Override
    public FailoverStepKind kind() {
        return kind;
    }

    @Override
    public String describe() {
        return what;
    }

    @Override
    public String request() {
        return String.join(" ", command);
    }

    @Override
    public boolean reversible() {
        return true;
    }

    @Override
    public void execute() throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(request() + " did not succeed");
        }
    }
}
