package dev.multisite.stack.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.multisite.offline.Plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan in the shape of {@code pulumi preview --json} (Pulumi's {@code PreviewDigest},
 * pulumi/pulumi pkg/display/json.go): config values as strings (structured ones as JSON text), one
 * {@code create} step per resource with its {@code newState} (a ResourceV3: {@code protect} only
 * when true) and {@code detailedDiff} (always present, {@code null} for a create), no
 * {@code diagnostics} when there are none, {@code duration} in nanoseconds, and the change
 * summary. Readers of a real preview (our policy check, CI tooling) read this file the same way.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PreviewDocument(Map<String, String> config, List<Step> steps, List<Diagnostic> diagnostics,
                              @JsonInclude(JsonInclude.Include.ALWAYS) long duration, Map<String, Integer> changeSummary) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(String op, String urn, String provider, State newState,
                       @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode detailedDiff) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record State(String urn, @JsonInclude(JsonInclude.Include.ALWAYS) boolean custom, String type, JsonNode inputs, String parent,
                        List<String> dependencies, Map<String, List<String>> propertyDependencies, String provider,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean protect) {
    }

    public record Diagnostic(String urn, String message, String severity) {
    }

    public static PreviewDocument of(Plan plan, Map<String, JsonNode> config, long durationNanos) {
        var steps = plan.resources().stream().map(r -> new Step("create", r.urn(), r.provider(),
                new State(r.urn(), r.custom(), r.type(), r.inputs(), r.parent(), r.dependencies(),
                        r.propertyDependencies(), r.provider(), r.protect()), null)).toList();
        Map<String, String> configText = new LinkedHashMap<>();
        config.forEach((key, value) -> configText.put(key, value.isTextual() ? value.asText() : value.toString()));
        return new PreviewDocument(configText, steps, List.of(), durationNanos, Map.of("create", steps.size()));
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), this);
    }

    /** The document as a JSON tree, for readers in the same process (the policy check). */
    public JsonNode toTree() {
        return JSON.valueToTree(this);
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }
}
