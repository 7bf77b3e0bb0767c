package dev.multisite.ops.failover;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/**
 * Runs cloud steps in the plan's order. Dry run (the default) prints each step's request and sends
 * nothing. Before anything, a run that cannot be undone by itself says so and which step makes it so.
 */
public final class CloudFailover {
    private CloudFailover() {
    }

    /** Returns the steps in the order they ran (or would run). */
    public static List<CloudStep> run(List<CloudStep> steps, boolean dryRun, PrintWriter out) throws Exception {
        List<CloudStep> ordered = steps.stream().sorted(Comparator.comparingInt(s -> s.kind().group())).toList();
        ordered.stream().filter(s -> !s.reversible()).findFirst().ifPresent(s ->
                out.println("WARNING: this run cannot restore what it changes: " + s.describe() + " is one-way; failback builds a new replica"));
        for (CloudStep step : ordered) {
            out.println("[group " + step.kind().group() + "] " + step.kind().id() + ": " + step.describe());
            out.println("    " + step.request());
            if (!dryRun) {
                step.execute();
            }
        }
        out.flush();
        return ordered;
    }
}
