package dev.multisite.fleet.parts;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of another part's stack outputs. A missing output fails the deployment naming it
 * ({@code requireOutput}); secrecy follows the referenced stack's {@code secretOutputNames}, and
 * {@link #secret} marks the value secret whatever the other stack says.
 */
public record StackFacts(StackReference reference) {

    public Output<String> string(String name) {
        return reference.requireOutput(name).applyValue(v -> (String) v);
    }

    /** A value that must stay a Pulumi secret in this part too. */
    public Output<String> secret(String name) {
        return string(name).asSecret();
    }

    @SuppressWarnings("unchecked")
    public Output<List<String>> strings(String name) {
        return reference.requireOutput(name).applyValue(v -> List.copyOf((List<String>) v));
    }

    @SuppressWarnings("unchecked")
    public Output<Map<String, String>> map(String name) {
        return reference.requireOutput(name).applyValue(v -> Map.copyOf((Map<String, String>) v));
    }

    /** Element {@code index} of a list output. */
    public Output<String> element(String name, int index) {
        return strings(name).applyValue(list -> list.get(index));
    }
}
