package dev.multisite.ops.drill;

/** Looks at the global hostname the way a client would, once per call. */
public interface Observer {
    String name();

    Observation.Kind kind();

    /** Takes one sample; never throws (a failure is an observation with {@code ok = false}). */
    Observation observe(long atMillis);
}
