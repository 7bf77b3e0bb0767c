package dev.multisite.stack;

import java.util.concurrent.ForkJoinPool;

/**
 * The Pulumi Java SDK waits for its registrations with a polling loop that runs on the common
 * ForkJoin pool and holds a pool thread while it waits. The pool's default parallelism is the
 * number of CPUs minus one: on a 2-CPU runner that is 1, and under newer JDKs (measured with
 * Temurin 25) the loop then starves the very tasks it waits for and a plan never finishes. Both
 * entry points (the Pulumi program and the CLI) call {@link #ensureParallelism()} first, before
 * anything touches the pool, so {@code pulumi up} and {@code ./multisite plan} get it alike.
 */
public final class CommonPool {
    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /**
     * The polling loop's thread plus at least one for the work it waits for, on JDK 21 and later.
     * Measured with Temurin 25 on 2 CPUs: 1 never finishes, 2 plans dev in about 3 s. JDK 17 runs
     * fine with 1, and the SDK is at its most reliable there (see docs/operations.md), so it keeps
     * the JDK's own default (CPUs - 1).
     */
    static int minimum(int jdkFeatureVersion) {
        return jdkFeatureVersion >= 21 ? 2 : 1;
    }

    private CommonPool() {
    }

    /** Sets the common pool's parallelism unless the user set it; returns the pool's parallelism. */
    public static int ensureParallelism() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.valueOf(Math.max(minimum(Runtime.version().feature()),
                    Runtime.getRuntime().availableProcessors() - 1)));
        }
        return ForkJoinPool.getCommonPoolParallelism();
    }
}
