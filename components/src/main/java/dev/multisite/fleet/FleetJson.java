package dev.multisite.fleet;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.pulumi.core.annotations.Import;
import dev.multisite.topology.TopologyJson;

/**
 * Converts the fleet args to and from the topology tree ({@code multisite:topology}). Kept out of
 * the args classes because the component host takes every field of an args class, static ones
 * too, for an input property.
 */
final class FleetJson {

    private static final ObjectMapper MAPPER = mapper();

    private FleetJson() {
    }

    static JsonNode toTree(FleetArgs args) {
        // asn is a Double (the host cannot read a long); the tree must equal the stack file's.
        return TopologyJson.wholeNumbers(MAPPER.valueToTree(args));
    }

    static FleetArgs fromTree(JsonNode topology) {
        if (topology == null || !topology.isObject()) {
            throw new IllegalArgumentException("multisite:topology: expected a mapping with domain and sites, got "
                    + (topology == null ? "nothing" : topology.getNodeType().toString().toLowerCase()));
        }
        var tree = (ObjectNode) topology.deepCopy();
        // data.replicas is "all" or a list of sites; the args hold only the list, null meaning "all".
        if (tree.get("data") instanceof ObjectNode data && data.path("replicas").isTextual() && data.get("replicas").asText().equals("all")) {
            data.remove("replicas");
        }
        try {
            return MAPPER.treeToValue(tree, FleetArgs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("multisite:topology: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        var mapper = JsonMapper.builder()
                .annotationIntrospector(new ImportedFieldsOnly())
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.SETTER, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "secrets" is ignored as a key, not allowed: it is unknown to the topology too.
                .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        // Keep the types the stack file has: "3" must not become 3, nor 1.30 the string "1.3", on the way through.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * Only {@code @Import} fields are keys, under their import name: the base class's bookkeeping
     * field stays out. {@code @JsonIgnore} (the secrets) still applies.
     */
    private static final class ImportedFieldsOnly extends JacksonAnnotationIntrospector {
        @Override
        public boolean hasIgnoreMarker(AnnotatedMember member) {
            return super.hasIgnoreMarker(member) || member instanceof AnnotatedField field && !field.hasAnnotation(Import.class);
        }

        @Override
        public PropertyName findNameForSerialization(Annotated a) {
            return importName(a, super.findNameForSerialization(a));
        }

        @Override
        public PropertyName findNameForDeserialization(Annotated a) {
            return importName(a, super.findNameForDeserialization(a));
        }

        private static PropertyName importName(Annotated a, PropertyName otherwise) {
            Import imported = a instanceof AnnotatedField ? a.getAnnotation(Import.class) : null;
            return imported != null && !imported.name().isEmpty() ? PropertyName.construct(imported.name()) : otherwise;
        }
    }
}
