package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Values that are not known yet. During a preview the engine sends a value that depends on a
 * resource not created yet as this sentinel string, both over gRPC to an analyzer and in
 * {@code pulumi preview --json} (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go,
 * {@code UnknownStringValue}; pkg/display/json.go). An unknown is not an absent value: a rule must
 * never conclude a violation from it.
 *
 * <p>{@link PolicyResource#input} reports every unknown it meets to the evaluation in progress;
 * {@link PolicyPack#evaluate} then turns a finding that rests on such a read into an advisory note
 * that the value is decided when it is known (at {@code pulumi up}, where every input is known).
 */
public final class Unknowns {
    public static final String SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** Unknown reads of the rule evaluation running on this thread: URN to the input paths read. */
    private static final ThreadLocal<Map<String, Set<String>>> READS = new ThreadLocal<>();

    private Unknowns() {
    }

    public static boolean isUnknown(JsonNode node) {
        return node != null && node.isTextual() && SENTINEL.equals(node.textValue());
    }

    /** True when the value is unknown or holds an unknown at any depth (lists and objects included). */
    public static boolean containsUnknown(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsUnknown(child)) {
                    return true;
                }
            }
            return false;
        }
        return isUnknown(node);
    }

    static void recordRead(String urn, String path) {
        Map<String, Set<String>> reads = READS.get();
        if (reads != null) {
            reads.computeIfAbsent(urn, u -> new LinkedHashSet<>()).add(path);
        }
    }

    /** Runs one rule evaluation and collects the unknown values it read into {@code reads}. */
    static <T> T tracking(Map<String, Set<String>> reads, Supplier<T> evaluation) {
        Map<String, Set<String>> outer = READS.get();
        READS.set(reads);
        try {
            return evaluation.get();
        } finally {
            READS.set(outer);
        }
    }
}
