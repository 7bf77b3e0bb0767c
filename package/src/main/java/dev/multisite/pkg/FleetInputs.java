package dev.multisite.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.multisite.fleet.FleetArgs;
import dev.multisite.topology.TopologyJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Construct request's inputs as {@link FleetArgs}: the topology tree, as a stack file holds it,
 * parsed once by the topology parser ({@link FleetArgs#fromTopology}). The SDK's own input
 * deserializer (1.36.1 {@code PropertyValueSerializer}) reads a map's values as {@code Object} (it
 * passes the map's raw type on), so any map input (hubs, waivers, instance classes, secrets) fails there.
 *
 * <p>The topology must be plain, known values: it decides which resources exist. {@code secrets}
 * values stay secrets, known or not.
 */
final class FleetInputs {
    static final String SECRETS = "secrets";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FleetInputs() {
    }

    static FleetArgs args(Map<String, PropertyValue> inputs) {
        ObjectNode topology = NODES.objectNode();
        Map<String, Output<String>> secrets = new LinkedHashMap<>();
        inputs.forEach((key, value) -> {
            if (key.equals(SECRETS)) {
                secrets.putAll(secrets(value));
            } else {
                topology.set(key, json(value, key));
            }
        });
        // Numbers travel as doubles; the parser's messages reach a program in any language.
        return FleetArgs.fromTopology(TopologyJson.wholeNumbers(topology), secrets);
    }

    private static Map<String, Output<String>> secrets(PropertyValue value) {
        PropertyValue map = unwrap(value);
        if (map.getType() != PropertyValue.ValueType.OBJECT) {
            throw new IllegalArgumentException(SECRETS + ": expected a map from config key to secret value, got " + map.getType());
        }
        Map<String, Output<String>> out = new LinkedHashMap<>();
        map.getObjectValue().forEach((key, secret) -> {
            PropertyValue inner = unwrap(secret);
            boolean known = !inner.isComputed();
            if (known && inner.getType() != PropertyValue.ValueType.STRING) {
                throw new IllegalArgumentException(SECRETS + "." + key + ": expected a string, got " + inner.getType());
            }
            // Every value here is a secret, marked so by the caller or not.
            out.put(key, new OutputInternal<>(OutputData.ofNullable(ImmutableSet.of(), known ? inner.getStringValue() : null, known, true)));
        });
        return out;
    }

    /** The value inside a secret or an output reference; computed stays computed. */
    private static PropertyValue unwrap(PropertyValue value) {
        return switch (value.getType()) {
            case SECRET -> unwrap(value.getSecretValue());
            case OUTPUT -> value.getOutputValue().getValue() == null ? PropertyValue.COMPUTED : unwrap(value.getOutputValue().getValue());
            default -> value;
        };
    }

    private static JsonNode json(PropertyValue value, String path) {
        PropertyValue plain = unwrap(value);
        return switch (plain.getType()) {
            case NULL -> NODES.nullNode();
            case BOOL -> NODES.booleanNode(plain.getBooleanValue());
            case STRING -> NODES.textNode(plain.getStringValue());
            case NUMBER -> NODES.numberNode(plain.getNumberValue());
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < plain.getArrayValue().size(); i++) {
                    array.add(json(plain.getArrayValue().get(i), path + "[" + i + "]"));
                }
                yield array;
            }
            case OBJECT -> {
                ObjectNode object = NODES.objectNode();
                plain.getObjectValue().forEach((key, item) -> object.set(key, json(item, path + "." + key)));
                yield object;
            }
            case COMPUTED -> throw new IllegalArgumentException(path + ": not known during preview; the fleet's topology must be plain values"
                    + " (it decides which resources exist), not outputs of other resources");
            case ASSET, ARCHIVE, RESOURCE, SECRET, OUTPUT -> throw new IllegalArgumentException(path + ": " + plain.getType()
                    + " is not allowed here; expected a plain value of the topology");
        };
    }
}
