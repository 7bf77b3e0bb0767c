package dev.multisite.pkg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.Required;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Pulumi package-schema type references for Java types, and the object types they name, written as
 * the schema's JSON (pulumi/pulumi pkg/codegen/schema/pulumi.json: typeSpec, propertySpec,
 * objectTypeSpec). Inputs come from the topology records, key for key what the parser reads: a
 * record's components are its keys, {@link Required} ones its required properties, and every input
 * is plain (the topology decides which resources exist, so it cannot wait on other resources).
 * Outputs come from classes whose {@code @Export} fields are what the SDK serializes.
 */
final class SchemaTypes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The one key that takes two shapes: {@code all}, or a list of sites ({@link DataSettings.Replicas#of}). */
    private static final Map<Class<?>, JsonNode> UNIONS = Map.of(DataSettings.Replicas.class, NODES.objectNode().set("oneOf",
            NODES.arrayNode().add(NODES.objectNode().put("type", "string"))
                    .add(NODES.objectNode().put("type", "array").set("items", NODES.objectNode().put("type", "string")))));

    private final String tokenPrefix;
    private final Map<String, ObjectNode> types = new TreeMap<>();
    private final Map<String, Class<?>> named = new TreeMap<>();

    /** @param tokenPrefix the package's type token prefix, e.g. {@code multisite:index:} */
    SchemaTypes(String tokenPrefix) {
        this.tokenPrefix = tokenPrefix;
    }

    /** The object types named so far, by token. */
    Map<String, ObjectNode> types() {
        return types;
    }

    /** A record's keys as properties (plain), with its required keys: a resource's inputs or an object type's properties. */
    ObjectNode recordProperties(Class<?> record) {
        ObjectNode properties = NODES.objectNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), spec(component.getGenericType(), true));
        }
        return properties;
    }

    static List<String> requiredKeys(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> c.isAnnotationPresent(Required.class))
                .map(RecordComponent::getName).toList();
    }

    /** A class's {@code @Export} fields as properties: a component's outputs or an output object type's properties. */
    ObjectNode exportedProperties(Class<?> type) {
        ObjectNode properties = NODES.objectNode();
        for (Field field : type.getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null) {
                properties.set(export.name().isEmpty() ? field.getName() : export.name(), spec(field.getGenericType(), false));
            }
        }
        return properties;
    }

    /** The type spec of a Java type; {@code plain} marks an input that takes no eventual value. */
    ObjectNode spec(Type type, boolean plain) {
        ObjectNode spec = unmarked(type, plain);
        if (plain) {
            spec.put("plain", true);
        }
        return spec;
    }

    private ObjectNode unmarked(Type type, boolean plain) {
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            if (p.getRawType() == Output.class) {
                return unmarked(arguments[0], plain);
            }
            if (p.getRawType() == List.class) {
                return NODES.objectNode().put("type", "array").set("items", spec(arguments[0], plain));
            }
            if (p.getRawType() == Map.class && (arguments[0] == String.class || ((Class<?>) arguments[0]).isEnum())) {
                // Schema maps are keyed by strings; an enum key (a provider) is its text in the stack file too.
                return NODES.objectNode().put("type", "object").set("additionalProperties", spec(arguments[1], plain));
            }
            throw new IllegalArgumentException("no package schema type for " + type.getTypeName());
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c.isEnum() || readFromText(c)) {
            return primitive("string");
        }
        if (c == Integer.class || c == int.class) {
            return primitive("integer");
        }
        if (c == Long.class || c == long.class || c == Double.class || c == double.class) {
            // A number, not an integer: pulumi-java's code generator types an integer as java.lang.Integer
            // (pkg/codegen/java, schema.IntType), too small for a 32-bit ASN (4200000000..); Construct
            // inputs come as doubles either way (TopologyJson.wholeNumbers).
            return primitive("number");
        }
        if (c == Boolean.class || c == boolean.class) {
            return primitive("boolean");
        }
        if (UNIONS.containsKey(c)) {
            return UNIONS.get(c).deepCopy();
        }
        if (c.isRecord()) {
            return named(c, () -> object(recordProperties(c), requiredKeys(c)), plain);
        }
        if (Arrays.stream(c.getDeclaredFields()).anyMatch(f -> f.isAnnotationPresent(Export.class))) {
            return named(c, () -> object(exportedProperties(c), List.of()), plain);
        }
        if (isWrappedChoice(c)) {
            return named(c, () -> object(choiceProperties(c, plain), List.of()), plain);
        }
        throw new IllegalArgumentException("no package schema type for " + c.getName());
    }

    /**
     * A sealed type the parser reads as an object with exactly one key naming its kind (Jackson's
     * {@code WRAPPER_OBJECT}, e.g. a DNS backend {@code {route53: {...}}}): in the schema, an object with
     * one optional property per kind. A package schema cannot say "exactly one"; the topology parser
     * refuses anything else with one line, as it does for a stack file.
     */
    private static boolean isWrappedChoice(Class<?> c) {
        JsonTypeInfo info = c.getAnnotation(JsonTypeInfo.class);
        return c.isSealed() && info != null && info.include() == JsonTypeInfo.As.WRAPPER_OBJECT && info.use() == JsonTypeInfo.Id.NAME
                && c.isAnnotationPresent(JsonSubTypes.class);
    }

    private ObjectNode choiceProperties(Class<?> c, boolean plain) {
        ObjectNode properties = NODES.objectNode();
        for (JsonSubTypes.Type kind : c.getAnnotation(JsonSubTypes.class).value()) {
            properties.set(kind.name(), spec(kind.value(), plain));
        }
        return properties;
    }

    /** A value the parser reads from a string with a {@code @JsonCreator} (a CIDR). */
    private static boolean readFromText(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)
                && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class);
    }

    private ObjectNode named(Class<?> c, Supplier<ObjectNode> definition, boolean plain) {
        String token = tokenPrefix + c.getSimpleName();
        Class<?> before = named.putIfAbsent(token, c);
        if (before != null && before != c) {
            throw new IllegalStateException(token + " names both " + before.getName() + " and " + c.getName());
        }
        if (before == null) {
            types.put(token, definition.get());
        }
        return NODES.objectNode().put("$ref", "#/types/" + token);
    }

    private static ObjectNode object(ObjectNode properties, List<String> required) {
        ObjectNode type = NODES.objectNode().put("type", "object");
        type.set("properties", properties);
        // The CLI drops an empty list (omitempty in pkg/codegen/schema ObjectTypeSpec); so does the schema here.
        if (!required.isEmpty()) {
            required.forEach(type.putArray("required")::add);
        }
        return type;
    }

    private static ObjectNode primitive(String type) {
        return NODES.objectNode().put("type", type);
    }
}
