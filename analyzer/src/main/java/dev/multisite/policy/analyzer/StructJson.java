package dev.multisite.policy.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.multisite.policy.Unknowns;

/**
 * Converts the engine's wire form of resource properties (a protobuf {@code Struct} with Pulumi's
 * special signatures) into JSON as {@code pulumi preview --json} shows it: every secret becomes the
 * string {@code "[secret]"} (its value is never read), resource references become their URN, and
 * a value not known during a preview stays the engine's unknown sentinel ({@link Unknowns}), as
 * {@code pulumi preview --json} prints it.
 * Used by the offline plan's recorder and by the analyzer, so both see the same JSON.
 */
public final class StructJson {
    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    public static final String SECRET = "[secret]";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StructJson() {
    }

    public static ObjectNode toJson(Struct struct) {
        ObjectNode out = NODES.objectNode();
        // Sorted keys: the plan file is byte-for-byte stable across runs.
        struct.getFieldsMap().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.set(e.getKey(), toJson(e.getValue())));
        return out;
    }

    static JsonNode toJson(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
            case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> NODES.textNode(value.getStringValue());
            case LIST_VALUE -> {
                ArrayNode list = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(v -> list.add(toJson(v)));
                yield list;
            }
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static JsonNode special(Struct struct) {
        Value sig = struct.getFieldsMap().get(SIG_KEY);
        if (sig == null) {
            return toJson(struct);
        }
        return switch (sig.getStringValue()) {
            case SECRET_SIG -> NODES.textNode(SECRET);
            case RESOURCE_SIG -> NODES.textNode(struct.getFieldsMap().get("urn").getStringValue());
            case OUTPUT_SIG -> struct.getFieldsMap().containsKey("secret") && struct.getFieldsMap().get("secret").getBoolValue()
                    ? NODES.textNode(SECRET)
                    : struct.getFieldsMap().containsKey("value") ? toJson(struct.getFieldsMap().get("value")) : NODES.textNode(Unknowns.SENTINEL);
            default -> toJson(struct);
        };
    }

    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(d);
    }
}
