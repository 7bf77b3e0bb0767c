package dev.multisite.policy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.multisite.parts.PartConfig;
import dev.multisite.topology.InputFiles;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyLimits;

import java.io.IOException;
import java.io.InputStream;
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
    /**
     * 1.6 times a real preview of the largest example fleet (a 2,600-resource plan is about 10 MB):
     * the rules keep every resource's inputs, whose tree takes several times their text, so this
     * bound (with {@link #MAX_VALUES}) keeps {@code check} near 300 MB (measured: policies/README.md); it was 128 MB.
     */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /**
     * The topology's JSON text in config: one value, nothing after it. Not on {@link #JSON}, whose
     * streaming reads (one step at a time) must leave the rest of the document to the parser.
     */
    private static final com.fasterxml.jackson.databind.ObjectReader ONE_VALUE = JSON.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /**
     * JSON values one file may hold as trees: a plan holds about 14,000 per MB (the prod example's:
     * 11,509 in 0.8 MB), so 16 MB of real preview is about 230,000; four times that, and far below a
     * 16 MB file of tiny values ({@code {},} is 3 bytes, about 100 bytes as a node).
     */
    public static final long MAX_VALUES = 1_000_000;
    /** The values in a real preview of the largest example fleet (52 sites, about 2,600 resources), from the prod plan's density. */
    static final String TYPICAL_VALUES = "80,000";
    private static final String TOPOLOGY_KEY = "multisite:topology";
    private static final List<String> DELETIONS = List.of("delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace");

    private PreviewReader() {
    }

    /** The document could not be read as a preview: one line, naming the file and what is wrong. */
    public static final class InvalidPreviewException extends IllegalArgumentException {
        public InvalidPreviewException(String message) {
            super(message);
        }
    }

    /**
     * One preview file as read: its view, and the fleet stack it says it belongs to.
     *
     * @param file       where it was read from, named in every message about it
     * @param view       what the rules see
     * @param fleetStack {@code multisite:fleetStack} from its config; null when not set
     * @param urnStack   the stack named in its resources' URNs ({@code urn:pulumi:<stack>::...}); null when it lists none
     */
    public record Preview(Path file, StackView view, String fleetStack, String urnStack) {
    }

    public static StackView read(Path file) {
        return readPreview(file).view();
    }

    /**
     * Reads a preview file as it is parsed, one step at a time, so memory follows what the rules
     * keep (each resource's inputs), not the document's size; exactly one document, nothing after it.
     */
    public static Preview readPreview(Path file) {
        InputStream in;
        try {
            // One reader for every file a user names: regular file, size bound.
            in = InputFiles.open(file, "preview file", MAX_BYTES);
        } catch (TopologyException e) {
            throw new InvalidPreviewException(e.getMessage() + " (expected the output of `pulumi preview --json`)");
        }
        // A budget of JSON values per file, so the trees built (each step's, the config's) stay bounded.
        var reader = JSON.reader().with(new BoundedNodeFactory(MAX_VALUES));
        try (in; JsonParser parser = reader.createParser(in)) {
            Preview preview = read(parser, reader, file);
            JsonToken after;
            try {
                after = parser.nextToken();
            } catch (JsonParseException e) {
                throw new InvalidPreviewException(file + ": unexpected content after the preview document at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + "; a preview file holds exactly one `pulumi preview --json` document");
            }
            if (after != null) {
                var at = parser.currentTokenLocation();
                throw new InvalidPreviewException(file + ": a second JSON document starts at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + "; a preview file holds exactly one `pulumi preview --json` document (was it appended with >>?)");
            }
            return preview;
        } catch (JsonParseException e) {
            throw new InvalidPreviewException(file + ": " + parseProblem(e));
        } catch (InvalidPreviewException e) {
            throw e.getMessage().startsWith(file + ": ") ? e : new InvalidPreviewException(file + ": " + e.getMessage());
        } catch (TopologyException e) {
            throw new InvalidPreviewException(e.getMessage());
        } catch (BoundedNodeFactory.OverBudget e) {
            throw new InvalidPreviewException(file + ": holds " + e.getMessage() + " (objects, lists, strings and numbers); a preview of the largest "
                    + "example fleet holds about " + TYPICAL_VALUES + "; expected the output of `pulumi preview --json`");
        } catch (IOException e) {
            var at = e instanceof JsonProcessingException json ? json.getLocation() : null;
            throw new InvalidPreviewException(file + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
    }

    /** Where, and what in the user's terms: the duplicated key's name, invalid UTF-8; not the parser's wording. */
    private static String parseProblem(JsonParseException e) {
        var at = e.getLocation();
        String where = "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String original = e.getOriginalMessage();
        var duplicate = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(original);
        if (duplicate.find()) {
            return where + "; the key '" + TopologyLimits.quote(duplicate.group(1)) + "' appears twice in one object";
        }
        if (original.contains("UTF-8") || original.contains("UTF8")) {
            return where + "; the file is not valid UTF-8";
        }
        if (original.contains("Non-standard token") || original.contains("NaN") || original.contains("Infinity")) {
            return where + "; NaN and Infinity are not JSON numbers";
        }
        return where + "; expected the output of `pulumi preview --json`";
    }

    /** Reads the document; every tree through {@code trees}, whose node factory holds the file's budget. */
    private static Preview read(JsonParser parser, ObjectReader trees, Path file) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new InvalidPreviewException(file + ": empty file; expected the output of `pulumi preview --json`");
        }
        if (first != JsonToken.START_OBJECT) {
            parser.skipChildren();
            throw new InvalidPreviewException("not a `pulumi preview --json` document: no steps array");
        }
        Steps steps = null;
        JsonNode changeSummary = MissingNode.getInstance();
        JsonNode config = MissingNode.getInstance();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "steps" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new InvalidPreviewException("not a `pulumi preview --json` document: steps is " + kind(trees.readTree(parser))
                                + ", not an array");
                    }
                    steps = new Steps();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        steps.add(trees.readTree(parser));
                    }
                }
                case "changeSummary" -> changeSummary = trees.readTree(parser);
                case "config" -> config = trees.readTree(parser);
                default -> parser.skipChildren();
            }
        }
        if (steps == null) {
            throw new InvalidPreviewException("not a `pulumi preview --json` document: no steps array");
        }
        return new Preview(file, steps.view(changeSummary, config), text(config, PartConfig.FLEET_STACK_KEY), steps.urnStack);
    }

    public static StackView read(JsonNode preview) {
        if (!preview.isObject() || !preview.path("steps").isArray()) {
            throw new InvalidPreviewException("not a `pulumi preview --json` document: no steps array");
        }
        Steps steps = new Steps();
        preview.path("steps").forEach(steps::add);
        return steps.view(preview.path("changeSummary"), preview.path("config"));
    }

    /** The steps read so far, each checked field by field as it arrives. */
    private static final class Steps {
        private final List<PolicyResource> resources = new ArrayList<>();
        private int listedSames;
        private int index;
        private String urnStack;

        void add(JsonNode step) {
            String where = "steps[" + index++ + "]";
            if (!step.isObject()) {
                throw new InvalidPreviewException(where + ": " + kind(step) + " where a step object was expected");
            }
            if (!step.path("urn").isTextual() || step.path("urn").asText().isEmpty()) {
                throw new InvalidPreviewException(where + ".urn: " + (step.has("urn") ? "expected a non-empty string, got " + kind(step.get("urn")) : "missing"));
            }
            String urn = step.path("urn").asText();
            String at = where + " (" + TopologyLimits.quote(urn) + ")";
            String stack = stackOf(urn);
            if (stack == null) {
                throw new InvalidPreviewException(at + ".urn: not a Pulumi URN; expected urn:pulumi:<stack>::<project>::<type>::<name>");
            }
            if (urnStack == null) {
                urnStack = stack;
            } else if (!urnStack.equals(stack)) {
                throw new InvalidPreviewException(at + ".urn: names stack '" + TopologyLimits.quote(stack) + "', but earlier steps name '"
                        + TopologyLimits.quote(urnStack) + "'; one preview is of one stack");
            }
            if (!step.path("op").isTextual()) {
                throw new InvalidPreviewException(at + ".op: " + (step.has("op") ? "expected a string such as create, got " + kind(step.get("op")) : "missing"));
            }
            String op = step.path("op").asText();
            if (op.equals("same")) {
                listedSames++;
            }
            if (DELETIONS.contains(op)) {
                return;
            }
            JsonNode state = step.path("newState");
            if (!state.isObject()) {
                throw new InvalidPreviewException(at + ": newState is " + kind(state)
                        + "; a '" + TopologyLimits.quote(op) + "' step carries the resource's new state as an object");
            }
            if (!state.path("type").isTextual() || state.path("type").asText().isEmpty()) {
                throw new InvalidPreviewException(at + ": newState has no type");
            }
            // Every field the rules read, with the JSON type ResourceV3 gives it (pulumi/pulumi sdk/go/common/apitype/core.go).
            expect(state, "custom", JsonNodeType.BOOLEAN, "a boolean", at);
            expect(state, "protect", JsonNodeType.BOOLEAN, "a boolean", at);
            expect(state, "parent", JsonNodeType.STRING, "a URN string", at);
            expect(state, "provider", JsonNodeType.STRING, "a provider reference string", at);
            expect(state, "inputs", JsonNodeType.OBJECT, "an object", at);
            expect(state, "dependencies", JsonNodeType.ARRAY, "a list of URN strings", at);
            int i = 0;
            for (JsonNode dependency : state.path("dependencies")) {
                if (!dependency.isTextual()) {
                    throw new InvalidPreviewException(at + ".newState.dependencies[" + i + "]: expected a URN string, got " + kind(dependency));
                }
                i++;
            }
            resources.add(resource(state, urn));
        }

        StackView view(JsonNode changeSummary, JsonNode config) {
            if (!changeSummary.isMissingNode() && !changeSummary.isObject()) {
                throw new InvalidPreviewException("changeSummary: expected an object, got " + kind(changeSummary));
            }
            JsonNode same = changeSummary.path("same");
            if (!same.isMissingNode() && !(same.isIntegralNumber() && same.canConvertToInt() && same.asInt() >= 0)) {
                throw new InvalidPreviewException("changeSummary.same: expected a count (a whole number from 0), got " + kind(same));
            }
            if (!config.isMissingNode() && !config.isObject()) {
                throw new InvalidPreviewException("config: expected an object of config keys, got " + kind(config));
            }
            String part = text(config, PartConfig.PART_KEY);
            return new StackView(resources, topology(config.path(TOPOLOGY_KEY)), Math.max(0, same.asInt(0) - listedSames),
                    part == null ? null : StackView.PART + part);
        }
    }

    private static void expect(JsonNode state, String field, JsonNodeType type, String expected, String at) {
        JsonNode value = state.get(field);
        if (value != null && !value.isNull() && value.getNodeType() != type) {
            throw new InvalidPreviewException(at + ".newState." + field + ": expected " + expected + ", got " + kind(value));
        }
    }

    /** A config value that must be a string when present: the part keys. */
    private static String text(JsonNode config, String key) {
        JsonNode value = config.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidPreviewException("config." + key + ": expected a string, got " + kind(value));
        }
        return value.asText();
    }

    /** The stack of a URN {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}; null when it is not one. */
    static String stackOf(String urn) {
        if (!urn.startsWith("urn:pulumi:")) {
            return null;
        }
        int end = urn.indexOf("::");
        return end <= "urn:pulumi:".length() ? null : urn.substring("urn:pulumi:".length(), end);
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "a list";
            case STRING -> "a string '" + TopologyLimits.quote(node.asText()) + "'";
            case NUMBER -> "a number " + TopologyLimits.quote(node.asText());
            case BOOLEAN -> "a boolean " + node.asText();
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

    /**
     * The topology from config: an object, or its JSON text (a real preview lists config values as
     * strings). Missing is "no topology"; anything else that is not an object is an error, never
     * read as "no topology" (a dev stack would then be judged by production's rules).
     */
    private static JsonNode topology(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return MissingNode.getInstance();
        }
        JsonNode tree = value;
        if (value.isTextual()) {
            try {
                tree = ONE_VALUE.readTree(value.asText());
            } catch (JsonParseException e) {
                throw new InvalidPreviewException("config." + TOPOLOGY_KEY + ": not valid JSON text at column " + e.getLocation().getColumnNr()
                        + " of the value; expected the topology as an object");
            } catch (IOException e) {
                throw new InvalidPreviewException("config." + TOPOLOGY_KEY + ": not valid JSON text; expected the topology as an object");
            }
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidPreviewException("config." + TOPOLOGY_KEY + ": expected the topology as an object (or its JSON text), got "
                    + kind(tree == null ? MissingNode.getInstance() : tree));
        }
        return tree;
    }
}
