package dev.multisite.policy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.multisite.parts.PartConfig;
import dev.multisite.topology.InputFiles;
import dev.multisite.topology.TopologyException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code pulumi preview --json} document (the real CLI's or the offline plan's) into a
 * {@link StackView}: one resource per step that creates, updates, replaces or keeps a resource,
 * and the topology from the config key {@code multisite:topology} (an object, or its JSON text).
 *
 * <p>The shape is Pulumi's {@code PreviewDigest} (pulumi/pulumi pkg/display/json.go): steps with
 * {@code op}, {@code urn} and a {@code newState} ResourceV3 (deletions carry only
 * {@code oldState}); without {@code --show-sames} unchanged resources are not listed, but
 * {@code changeSummary.same} counts them. A document that is not of that shape is refused with
 * one {@link InvalidPreviewException} line rather than judged as an empty stack.
 */
public final class PreviewReader {
    /** Far above a real preview (a 2,600-resource plan is about 10 MB), far below the heap. */
    public static final long MAX_BYTES = 128L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final List<String> DELETIONS = List.of("delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace");

    private PreviewReader() {
    }

    /** The document could not be read as a preview: one line, naming the file and what is wrong. */
    public static final class InvalidPreviewException extends IllegalArgumentException {
        public InvalidPreviewException(String message) {
            super(message);
        }
    }

    public static StackView read(Path file) {
        String text;
        try {
            // One reader for every file a user names: regular file, size bound, strict UTF-8.
            text = InputFiles.readText(file, "preview file", MAX_BYTES);
        } catch (TopologyException e) {
            throw new InvalidPreviewException(e.getMessage() + " (expected the output of `pulumi preview --json`)");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonParseException e) {
            var at = e.getLocation();
            boolean duplicate = e.getOriginalMessage().startsWith("Duplicate field");
            // Where, not the parser's wording: the user fixes the file, not the parser.
            throw new InvalidPreviewException(file + ": not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + (duplicate ? "; a key appears twice in one object" : "; expected the output of `pulumi preview --json`"));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidPreviewException(file + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidPreviewException(file + ": empty file; expected the output of `pulumi preview --json`");
        }
        try {
            return read(tree);
        } catch (InvalidPreviewException e) {
            throw new InvalidPreviewException(file + ": " + e.getMessage());
        }
    }

    public static StackView read(JsonNode preview) {
        if (!preview.isObject() || !preview.path("steps").isArray()) {
            throw new InvalidPreviewException("not a `pulumi preview --json` document: no steps array");
        }
        List<PolicyResource> resources = new ArrayList<>();
        int listedSames = 0;
        int index = 0;
        for (JsonNode step : preview.path("steps")) {
            String where = "steps[" + index++ + "]";
            if (!step.isObject()) {
                throw new InvalidPreviewException(where + ": " + kind(step) + " where a step object was expected");
            }
            if (!step.path("urn").isTextual() || step.path("urn").asText().isEmpty()) {
                throw new InvalidPreviewException(where + ": no urn");
            }
            String op = step.path("op").asText("");
            if (op.equals("same")) {
                listedSames++;
            }
            JsonNode state = step.path("newState");
            if (DELETIONS.contains(op)) {
                continue;
            }
            if (!state.isObject()) {
                throw new InvalidPreviewException(where + " (" + step.path("urn").asText() + "): newState is " + kind(state)
                        + "; a '" + op + "' step carries the resource's new state as an object");
            }
            if (!state.path("type").isTextual() || state.path("type").asText().isEmpty()) {
                throw new InvalidPreviewException(where + " (" + step.path("urn").asText() + "): newState has no type");
            }
            resources.add(resource(state, step.path("urn").asText()));
        }
        int same = preview.path("changeSummary").path("same").asInt(0);
        JsonNode part = preview.path("config").path(PartConfig.PART_KEY);
        return new StackView(resources, topology(preview.path("config").path("multisite:topology")), Math.max(0, same - listedSames),
                part.isTextual() ? StackView.PART + part.asText() : null);
    }

    private static String kind(JsonNode node) {
        if (node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "an object";
        };
    }

    static PolicyResource resource(JsonNode state, String urn) {
        List<String> deps = new ArrayList<>();
        state.path("dependencies").forEach(d -> deps.add(d.asText()));
        String type = state.path("type").asText();
        String provider = PolicyResource.providerUrnOf(state.path("provider").asText(""));
        // ResourceV3 has `custom`; where a document leaves it out, decide as the analyzer does.
        boolean custom = state.has("custom") ? state.path("custom").asBoolean() : PolicyResource.isCustom(type, provider);
        return new PolicyResource(urn, type, urn.substring(urn.lastIndexOf("::") + 2), custom, state.path("parent").asText(""),
                provider, deps, state.path("protect").asBoolean(false), state.path("inputs"));
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
