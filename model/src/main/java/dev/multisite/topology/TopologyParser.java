package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.util.Arrays;
import java.util.List;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Turns the value of stack config key {@code multisite:topology} into a valid {@link Topology}.
 *
 * <p>This is the one parsing function: the Pulumi program feeds it the JSON string that the engine
 * hands over for the structured config value, the offline plan feeds it the node read from
 * {@code stacks/Pulumi.<stack>.yaml}. Unknown keys, wrong types and broken invariants all end in a
 * {@link TopologyException} whose lines name the field, the bad value and what is allowed.
 */
public final class TopologyParser {

    /** The config key (in namespace {@code multisite}) that holds the topology. */
    public static final String CONFIG_KEY = "topology";

    private static final ObjectMapper MAPPER = strictMapper();

    private TopologyParser() {
    }

    /** Parses the JSON text of the config value, as the Pulumi engine passes it to the program. */
    public static Topology parseJson(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new TopologyException("multisite:" + CONFIG_KEY + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + "; set it as structured config (a YAML mapping under multisite:topology)");
        }
        return parse(node);
    }

    /** Parses and validates an already-read config value. */
    public static Topology parse(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new TopologyException("multisite:" + CONFIG_KEY + ": required; the stack config must hold the topology (domain, sites, ...)");
        }
        if (!node.isObject()) {
            throw new TopologyException("multisite:" + CONFIG_KEY + ": expected a mapping with domain and sites, got " + describe(node));
        }
        var limits = new Problems();
        TopologyLimits.check(node, limits);
        limits.throwIfAny();
        Topology topology;
        try {
            topology = MAPPER.treeToValue(node, Topology.class);
        } catch (JsonProcessingException e) {
            throw new TopologyException(explain(e, node));
        }
        TopologyValidator.validate(topology);
        var withoutEffect = new Problems();
        TrafficValidator.settingsWithoutEffect(node, topology, withoutEffect);
        withoutEffect.throwIfAny();
        return topology;
    }

    static ObjectMapper strictMapper() {
        var mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A null inside a list or map is never meaningful (a null field means "absent"): fail at the element.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        // "3" is not a number and 1.30 is not a version string: typed config must be typed.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    private static String explain(JsonProcessingException e, JsonNode root) {
        String path = e instanceof JsonMappingException m ? ConfigPaths.render(withBackendKeys(m.getPath()), root) : "multisite:" + CONFIG_KEY;
        if (e instanceof MismatchedInputException m && !(e instanceof InvalidNullException) && (m.getTargetType() == DnsBackend.class
                || m instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException t && t.getBaseType() != null
                && t.getBaseType().getRawClass() == DnsBackend.class)) {
            // A backend is a one-key mapping (Jackson's wrapper-object type id): none, an unknown one, or two keys.
            return path + ": expected a mapping with exactly one of " + String.join(", ", backendKeys().values()) + ", got "
                    + describeBackend(ConfigPaths.at(m.getPath(), root));
        }
        if (e instanceof JsonMappingException m) {
            // A mapping where a CIDR string belongs: Jackson binds it to the record's own fields; name the CIDR instead.
            for (int i = 0; i < m.getPath().size(); i++) {
                if (m.getPath().get(i).getFrom() == Cidr.class || m.getPath().get(i).getFrom() instanceof Cidr) {
                    var cidrPath = m.getPath().subList(0, i);
                    return ConfigPaths.render(cidrPath, root) + ": expected " + expected(Cidr.class) + ", got " + describe(ConfigPaths.at(cidrPath, root));
                }
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String unknown = u.getPropertyName();
            String where = path.equals(unknown) || path.endsWith("." + unknown) ? path : path + "." + unknown;
            return where + ": unknown key" + suggestion(unknown, u.getKnownPropertyIds())
                    + " (allowed here: " + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return path + ": " + v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return path + ": '" + f.getValue() + "' is not allowed; use one of " + enumValues(f.getTargetType());
        }
        if (e instanceof InvalidNullException n) {
            // A null element of a list of strings is reported with the list's type (Jackson's
            // StringCollectionDeserializer); lists of anything else report the element's type.
            boolean stringElement = Collection.class.isAssignableFrom(n.getTargetType()) && !n.getPath().isEmpty()
                    && n.getPath().get(n.getPath().size() - 1).getIndex() >= 0;
            return path + ": null is not allowed; expected " + expected(stringElement ? String.class : n.getTargetType());
        }
        InputCoercionException c = e instanceof InputCoercionException direct ? direct
                : e.getCause() instanceof InputCoercionException wrapped ? wrapped : null;
        if (c != null) {
            return (e instanceof JsonMappingException ? path : pathOf(c, root)) + ": "
                    + TopologyLimits.quote(c.getProcessor() == null ? "the value" : text(c.getProcessor()))
                    + " is out of range; expected a whole number up to "
                    + (c.getTargetType() == Long.class || c.getTargetType() == long.class ? Long.MAX_VALUE : Integer.MAX_VALUE);
        }
        if (e instanceof MismatchedInputException m) {
            return path + ": expected " + expected(m.getTargetType()) + ", got " + describe(ConfigPaths.at(m.getPath(), root));
        }
        return path + ": not a valid value here; see the topology table in README.md for what this key takes";
    }

    /** The stack file's key of each DNS backend's block, as its Jackson subtype names it. */
    private static java.util.Map<Class<?>, String> backendKeys() {
        var keys = new java.util.LinkedHashMap<Class<?>, String>();
        for (var type : DnsBackend.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
            keys.put(type.value(), type.name());
        }
        return keys;
    }

    /**
     * Jackson's path through a wrapper-object type id leaves the id out ({@code traffic.dns[0].bad}):
     * put the backend's key back, so the path is the one in the stack file ({@code traffic.dns[0].route53.bad}).
     */
    private static List<JsonMappingException.Reference> withBackendKeys(List<JsonMappingException.Reference> path) {
        var keys = backendKeys();
        var out = new java.util.ArrayList<JsonMappingException.Reference>();
        for (var ref : path) {
            Object from = ref.getFrom();
            Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
            if (ref.getFieldName() != null && type != null && keys.containsKey(type)) {
                out.add(new JsonMappingException.Reference(null, keys.get(type)));
            }
            out.add(ref);
        }
        return out;
    }

    private static String describeBackend(JsonNode node) {
        if (node != null && node.isObject()) {
            var names = new java.util.ArrayList<String>();
            node.fieldNames().forEachRemaining(names::add);
            return names.isEmpty() ? "an empty mapping" : "the key(s) " + String.join(", ", names);
        }
        return describe(node);
    }

    /** The config path of a token error (no binding path): from the tree parser's own position. */
    private static String pathOf(InputCoercionException e, JsonNode root) {
        JsonParser p = e.getProcessor();
        if (p == null) {
            return "multisite:" + CONFIG_KEY;
        }
        var segments = new java.util.ArrayList<JsonMappingException.Reference>();
        for (var ctx = p.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            segments.add(0, ctx.inArray() ? new JsonMappingException.Reference(null, ctx.getCurrentIndex())
                    : new JsonMappingException.Reference(null, ctx.getCurrentName()));
        }
        return ConfigPaths.render(segments, root);
    }

    private static String text(JsonParser p) {
        try {
            return p.getText();
        } catch (java.io.IOException e) {
            return "the value";
        }
    }

    private static String suggestion(String unknown, Collection<Object> known) {
        String lower = unknown.toLowerCase();
        return known.stream().map(Object::toString)
                .filter(k -> editDistance(lower, k.toLowerCase()) <= Math.max(2, k.length() / 3)
                        // "ttl" for "ttlSeconds": a key written without its unit suffix
                        || (lower.length() >= 3 && k.toLowerCase().startsWith(lower)))
                .min(Comparator.comparingInt(k -> editDistance(lower, k.toLowerCase())))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("");
    }

    /** Levenshtein distance, for the "did you mean" hint on a misspelled key. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString)
                .map(c -> c.toLowerCase(java.util.Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == String.class) {
            return "a string (quote it)";
        }
        if (type == Cidr.class) {
            return "an IPv4 CIDR string such as 10.0.0.0/16";
        }
        if (type == DnsBackend.class) {
            return "a mapping with exactly one of " + String.join(", ", backendKeys().values());
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        var keys = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(type)).findProperties()
                .stream().map(p -> p.getName()).toList();
        return keys.isEmpty() ? "a mapping" : "a mapping with " + String.join(", ", keys);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "a value of another type";
        }
        if (node.isTextual()) {
            return "the string '" + node.asText() + "'";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.getNodeType().toString().toLowerCase() + " " + node;
        }
        return "a " + (node.isArray() ? "list" : node.isObject() ? "mapping" : node.getNodeType().toString().toLowerCase());
    }
}
