package dev.multisite.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.fleet.Fleet;
import dev.multisite.topology.Topology;

import java.util.List;

/**
 * The package schema of {@code multisite}, generated: the Fleet's inputs and their types are the
 * topology records ({@link Topology} and what it holds), plus {@code secrets}; its outputs are the
 * {@link Fleet}'s {@code @Export} fields. A new topology key is in the schema as soon as it is in
 * the model.
 *
 * <p>Written in the form the Pulumi CLI writes a schema back ({@code pulumi package get-schema}:
 * the served JSON read into pkg/codegen/schema {@code PackageSpec} and marshalled again), so the two
 * are equal: {@code config} is always there, empty {@code required} lists are not (omitempty).
 */
final class FleetSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PREFIX = MultisitePackage.NAME + ":index:";
    /** The Java SDK's component host set these for every language; kept so that generated SDKs take the schema's version. */
    private static final List<String> LANGUAGES = List.of("csharp", "go", "java", "nodejs", "python");

    private FleetSchema() {
    }

    static String json(String version) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("name", MultisitePackage.NAME);
        // The namespace decides the SDKs' names (@multisite/multisite, multisite_multisite); the examples import those.
        spec.put("namespace", MultisitePackage.NAME);
        spec.put("displayName", MultisitePackage.NAME);
        spec.put("version", version);
        ObjectNode language = spec.putObject("language");
        LANGUAGES.forEach(l -> language.putObject(l).put("respectSchemaVersion", true));
        spec.putObject("config");

        var types = new SchemaTypes(TOKEN_PREFIX);
        ObjectNode fleet = spec.putObject("resources").putObject(Fleet.TYPE);
        fleet.put("isComponent", true);
        fleet.put("type", "object");
        ObjectNode inputs = types.recordProperties(Topology.class);
        // Secret values by config key: never part of the topology, and secrets on the wire.
        inputs.putObject(FleetInputs.SECRETS).put("type", "object").put("secret", true)
                .putObject("additionalProperties").put("type", "string");
        fleet.set("inputProperties", inputs);
        SchemaTypes.requiredKeys(Topology.class).forEach(fleet.putArray("requiredInputs")::add);
        fleet.set("properties", types.exportedProperties(Fleet.class));
        spec.putObject("types").setAll(types.types());
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the package schema cannot be written: " + e.getOriginalMessage(), e);
        }
    }
}
