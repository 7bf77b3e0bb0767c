package dev.multisite.ops.netlab;

/**
 * One executed step of a failover: when it ran (lab clock, ms after the fault) and how long it was expected to take.
 *
 * @param group      steps of one group run in parallel; groups run in order
 * @param skipped    why the step did not apply here (null when it ran)
 * @param error      what went wrong (null when it worked)
 */
public record StepResult(int group, String id, String action, long startMillis, long endMillis, long expectedMillis,
                         String skipped, String error) {
    public long tookMillis() {
        return endMillis - startMillis;
    }

    public boolean ok() {
        return error == null;
    }
}
