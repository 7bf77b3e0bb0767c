package dev.multisite.offline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises one known failure of the Pulumi Java SDK (1.36.1) that is not the program's fault:
 * the serializer collects a property's dependencies in a plain {@code HashSet}
 * ({@code com.pulumi.serialization.internal.Serializer#dependentResources}) that the completions
 * of that property's outputs add to from several threads, and {@code DeploymentImpl} then copies
 * it. Now and then the copy throws from inside {@code java.util.HashMap}. Upstream has had the same
 * shape before (pulumi/pulumi-java#1387, an IndexOutOfBoundsException in DeploymentImpl).
 * The mock engine's plan is deterministic, so a plan that failed only this way is simply run again.
 */
final class SdkRace {
    /** A collection torn by concurrent writers, thrown from a JDK hash collection while the SDK runs. */
    private static final Pattern TORN_COLLECTION = Pattern.compile(
            "(ArrayIndexOutOfBoundsException|ConcurrentModificationException)[\\s\\S]*"
                    + "at java\\.base/java\\.util\\.Hash(Map|Set)[\\s\\S]*at com\\.pulumi\\.");

    private SdkRace() {
    }

    /** Whether every failure of a run is this race (a run with any other failure is the program's). */
    static boolean onlyFailures(List<String> errors, List<? extends Throwable> exceptions) {
        if (errors.isEmpty() && exceptions.isEmpty()) {
            return false;
        }
        return errors.stream().allMatch(SdkRace::isRace)
                && exceptions.stream().map(SdkRace::stackTrace).allMatch(SdkRace::isRace);
    }

    static boolean isRace(String failure) {
        return TORN_COLLECTION.matcher(failure).find();
    }

    private static String stackTrace(Throwable e) {
        var text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
