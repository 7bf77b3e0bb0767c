package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A topology back as the JSON a stack file holds under {@code multisite:topology}: record
 * components only (no derived accessors), enums and CIDRs as their text, unset values left out.
 * Parsing the result gives an equal topology; a topology built in code takes this way into the
 * parser (and so gets its checks and messages) and into the {@code Fleet} component's args.
 */
public final class TopologyJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

    private TopologyJson() {
    }

    public static JsonNode of(Topology topology) {
        return JSON.valueToTree(topology);
    }

    /**
     * The tree with every whole floating-point number written as the integer node Jackson reads
     * from the same text (an int where it fits, else a long). Values that crossed Pulumi's wire
     * are doubles ({@code 64601.0}); the parser takes whole numbers only where a stack file has them.
     */
    public static JsonNode wholeNumbers(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), wholeNumbers(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(wholeNumbers(element)));
            return copy;
        }
        if (node.isFloatingPointNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return node.canConvertToInt() ? IntNode.valueOf(node.intValue()) : LongNode.valueOf(node.longValue());
        }
        return node;
    }
}
