package dev.multisite.ops.drill;

/**
 * One way to take a site out of service for a drill, and to put it back. {@link #restore()} must
 * be safe to call more than once and after a failed {@link #inject()}: the drill always calls it.
 */
public interface FailureInjector {
    /** What will be done, in words an operator reads in the report, e.g. "flip Route 53 drain switch hc-123 of aws-use1". */
    String describe();

    void inject() throws Exception;

    void restore() throws Exception;
}
