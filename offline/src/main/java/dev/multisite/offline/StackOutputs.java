package dev.multisite.offline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack's outputs as another stack's {@code StackReference} receives them: the values (mock
 * values, in an offline plan) and the names of those that are secrets. Kept in memory only, never
 * written: a plan file shows secrets as {@code [secret]}.
 */
public record StackOutputs(Map<String, Object> values, Set<String> secretNames) {
    public StackOutputs {
        values = Map.copyOf(values);
        secretNames = Set.copyOf(secretNames);
    }

    /**
     * The state the engine's builtin provider reads for a stack reference: {@code name}, {@code outputs}
     * and {@code secretOutputNames}, sorted "so the order is deterministic" (readStackReference in
     * pulumi/pulumi pkg/resource/deploy/builtins.go).
     */
    public Map<String, Object> referenceState(String name) {
        List<String> secrets = List.copyOf(new TreeSet<>(secretNames));
        return Map.of("name", name, "outputs", values, "secretOutputNames", secrets);
    }
}
