package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code pulumi preview --json} document (the real CLI's or the offline plan's) into a
 * {@link StackView}: one resource per step that creates, updates, replaces or keeps a resource,
 * and the topology from the config key {@code multisite:topology} (an object, or its JSON text).
 */
public final class PreviewReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DELETIONS = List.of("delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace");

    private PreviewReader() {
    }

    public static StackView read(Path file) throws IOException {
        return read(JSON.readTree(file.toFile()));
    }

    public static StackView read(JsonNode preview) {
        if (!preview.path("steps").isArray()) {
            throw new IllegalArgumentException("not a `pulumi preview --json` document: no steps array");
        }
        List<PolicyResource> resources = new ArrayList<>();
        for (JsonNode step : preview.path("steps")) {
            if (DELETIONS.contains(step.path("op").asText())) {
                continue;
            }
            JsonNode state = step.path("newState");
            if (state.isMissingNode()) {
                continue;
            }
            resources.add(resource(state, step.path("urn").asText(state.path("urn").asText())));
        }
        return new StackView(resources, topology(preview.path("config").path("multisite:topology")));
    }

    static PolicyResource resource(JsonNode state, String urn) {
        List<String> deps = new ArrayList<>();
        state.path("dependencies").forEach(d -> deps.add(d.asText()));
        return new PolicyResource(urn, state.path("type").asText(), urn.substring(urn.lastIndexOf("::") + 2),
                state.path("custom").asBoolean(), state.path("parent").asText(""), PolicyResource.providerUrnOf(state.path("provider").asText("")), deps,
                state.path("protect").asBoolean(false), state.path("inputs"));
    }

    private static JsonNode topology(JsonNode config) {
        if (config.isTextual()) {
            try {
                return JSON.readTree(config.asText());
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }
        return config;
    }
}
