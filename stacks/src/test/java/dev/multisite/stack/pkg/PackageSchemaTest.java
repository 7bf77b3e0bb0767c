package dev.multisite.stack.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.multisite.pkg.MultisitePackage;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.MultisiteCli;
import dev.multisite.topology.TopologyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package schema the plugin serves: valid against Pulumi's metaschema, declaring the Fleet
 * component with the topology's inputs and the stack's outputs, and every example's inputs fit it.
 */
class PackageSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String FLEET = "multisite:index:Fleet";

    private static JsonNode schema() throws Exception {
        return JSON.readTree(MultisitePackage.schema());
    }

    @Test
    void theSchemaValidatesAgainstPulumisPackageMetaschema() throws Exception {
        try (InputStream metaschema = PackageSchemaTest.class.getResourceAsStream("/pulumi/package-metaschema.json")) {
            var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(metaschema);
            assertThat(validator.validate(schema())).isEmpty();
            // The validator does fail on a schema that breaks the metaschema.
            var broken = (ObjectNode) schema();
            broken.put("name", "multi site");
            assertThat(validator.validate(broken)).isNotEmpty();
        }
    }

    @Test
    void theCliPrintsTheSchemaThePluginServes() throws Exception {
        var out = new StringWriter();
        assertThat(MultisiteCli.run(new String[]{"schema"}, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
        assertThat(JSON.readTree(out.toString())).isEqualTo(schema());
    }

    @Test
    void fleetIsAComponentWithTheTopologysInputsAndTheStacksOutputs() throws Exception {
        JsonNode schema = schema();
        assertThat(schema.path("name").asText()).isEqualTo("multisite");
        assertThat(schema.path("version").asText()).isEqualTo(MultisitePackage.version()).isNotBlank();
        JsonNode fleet = schema.path("resources").path(FLEET);
        assertThat(fleet.path("isComponent").asBoolean()).isTrue();
        assertThat(names(fleet.path("inputProperties")))
                .containsExactlyInAnyOrder("domain", "environment", "peakDemand", "sites", "traffic", "data", "mesh", "gitops", "network", "secrets");
        assertThat(texts(fleet.path("requiredInputs"))).containsExactlyInAnyOrder("domain", "sites");
        assertThat(fleet.path("inputProperties").path("secrets").path("additionalProperties").path("type").asText()).isEqualTo("string");
        JsonNode site = type(schema, fleet.path("inputProperties").path("sites").path("items"));
        assertThat(names(site.path("properties"))).containsExactlyInAnyOrder("name", "provider", "region", "capacity", "network", "mesh",
                "kubernetes", "aws", "gcp", "azure", "existing");
        assertThat(names(type(schema, site.path("properties").path("network")).path("properties")))
                .containsExactlyInAnyOrder("vpcCidr", "podCidr", "serviceCidr", "asn");
        assertThat(names(type(schema, site.path("properties").path("kubernetes")).path("properties")))
                .containsExactlyInAnyOrder("version", "apiAccessCidrs", "nodePools");
        for (String block : List.of("traffic", "data", "mesh", "gitops", "network")) {
            assertThat(type(schema, fleet.path("inputProperties").path(block)).path("properties").size()).as(block).isPositive();
        }
        assertThat(names(type(schema, type(schema, fleet.path("inputProperties").path("network")).path("properties").path("interconnect"))
                .path("properties"))).contains("enabled", "hubs", "sameProviderLinks", "waivers");
        // Outputs: every stack output of every example stack, and nothing else.
        Set<String> stackOutputs = new TreeSet<>();
        for (String stack : ExampleStacks.NAMES) {
            stackOutputs.addAll(ExampleStacks.plan(stack).outputs().keySet());
        }
        assertThat(names(fleet.path("properties"))).containsExactlyInAnyOrderElementsOf(stackOutputs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"typescript", "python", "java"})
    void eachExamplesFleetFileFitsTheSchemaAndIsAValidTopology(String example) throws Exception {
        JsonNode fleet = YAML.readTree(Path.of("..", "examples", example, "fleet.yaml").toFile());
        assertThat(misfits(schema(), schema().path("resources").path(FLEET).path("inputProperties"), fleet, "")).isEmpty();
        assertThat(TopologyParser.parse(fleet).sites()).hasSize(5);
    }

    @Test
    void theYamlExamplesFleetFitsTheSchema() throws Exception {
        JsonNode project = YAML.readTree(Path.of("..", "examples", "yaml", "Pulumi.yaml").toFile());
        JsonNode fleets = project.path("resources");
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fleets.fields(); it.hasNext(); ) {
            var resource = it.next();
            if (resource.getValue().path("type").asText().equals(FLEET)) {
                JsonNode properties = resource.getValue().path("properties");
                assertThat(misfits(schema(), schema().path("resources").path(FLEET).path("inputProperties"), properties, "")).isEmpty();
                var topology = properties.deepCopy();
                ((ObjectNode) topology).remove("secrets");
                assertThat(TopologyParser.parse(topology).secretConfigKeys().values())
                        .allSatisfy(key -> assertThat(properties.path("secrets").has(key)).as("secrets." + key).isTrue());
                checked.add(resource.getKey());
            }
        }
        assertThat(checked).isNotEmpty();
        assertThat(project.path("packages").path("multisite").asText()).isEqualTo("../../package");
    }

    /**
     * The examples import the SDKs by the names Pulumi's code generators give this schema: with a
     * namespace, npm {@code @<namespace>/<name>} (pulumi/pulumi getNodeJSPkgName) and Python
     * {@code <namespace>_<name>} (pkg/codegen/python PyPack); the Java SDK sets the namespace from
     * the second segment of the component's Java package.
     */
    @Test
    void theExamplesImportTheSdkNamesTheSchemaGenerates() throws Exception {
        JsonNode schema = schema();
        String namespace = schema.path("namespace").asText();
        String name = schema.path("name").asText();
        String npm = namespace.isEmpty() ? "@pulumi/" + name : "@" + namespace + "/" + name;
        String python = (namespace.isEmpty() ? "pulumi" : namespace.replace('-', '_')) + "_" + name.replace('-', '_');
        JsonNode packageJson = JSON.readTree(Path.of("..", "examples", "typescript", "package.json").toFile());
        assertThat(packageJson.path("dependencies").path(npm).asText()).isEqualTo("file:sdks/" + name);
        assertThat(Files.readString(Path.of("..", "examples", "typescript", "index.ts"))).contains("from \"" + npm + "\"");
        assertThat(Files.readString(Path.of("..", "examples", "python", "__main__.py"))).contains("import " + python + " ");
    }

    @Test
    void theCheckBelowFindsAMisnamedKeyAndAWrongType() throws Exception {
        JsonNode fleet = YAML.readTree(Path.of("..", "examples", "python", "fleet.yaml").toFile());
        var broken = (ObjectNode) fleet.deepCopy();
        broken.put("peakdemand", 1);
        ((ObjectNode) broken.path("sites").get(0)).put("capacity", "lots");
        assertThat(misfits(schema(), schema().path("resources").path(FLEET).path("inputProperties"), broken, ""))
                .containsExactlyInAnyOrder("peakdemand: not a property", "sites[0].capacity: expected integer, got \"lots\"");
    }

    /**
     * The schema's object types are the keys the parser reads: at every block of every example stack
     * (and at each type no example reaches, from a variant of dev), an unknown key makes the parser
     * list the keys allowed there, and they are exactly the properties of the block's schema type.
     */
    @Test
    void everyInputTypeHasExactlyTheKeysTheParserAllows() throws Exception {
        JsonNode schema = schema();
        JsonNode fleet = schema.path("resources").path(FLEET);
        Map<String, List<String>> checked = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<JsonNode> topologies = new ArrayList<>();
        for (String stack : ExampleStacks.NAMES) {
            topologies.add(YAML.readTree(ExampleStacks.file(stack).toFile()).path("config").path("multisite:topology"));
        }
        // No example stack declares a global service or a GitOps rollout; prod with both (and a hub-mode Argo CD, which a rollout needs) does.
        var variant = (ObjectNode) YAML.readTree(ExampleStacks.file("prod").toFile()).path("config").path("multisite:topology");
        variant.withObject("/mesh").putArray("globalServices").addObject().put("namespace", "shop").put("name", "cart");
        variant.withObject("/gitops").withObject("/argocd").put("mode", "hub").put("hubSite", "aws-use1");
        variant.withObject("/gitops").set("rollout", YAML.readTree("{order: [[aws-use1], [aws-euw1, gcp-euw4, az-weu, metal-fra]], bakeMinutes: 20}"));
        TopologyParser.parse(variant);
        topologies.add(variant);
        for (JsonNode topology : topologies) {
            compareKeys(schema, fleet.path("inputProperties"), "Fleet", topology, topology, new ArrayList<>(), checked, problems);
        }
        assertThat(problems).isEmpty();
        Set<String> inputTypes = new TreeSet<>();
        collectRefs(schema, fleet.path("inputProperties"), inputTypes);
        assertThat(checked.keySet()).as("input types no example stack reaches").containsAll(inputTypes).contains("Fleet");
        assertThat(type(schema, refTo("NetworkSettings")).path("properties").path("asn").path("type").asText())
                .as("a 32-bit ASN does not fit the Java SDK's Integer").isEqualTo("number");
    }

    private static JsonNode refTo(String name) {
        return JSON.createObjectNode().put("$ref", "#/types/multisite:index:" + name);
    }

    /** Adds an unknown key at {@code path} (an object of schema type {@code typeName}) and compares the parser's list with the type's properties. */
    private static void compareKeys(JsonNode schema, JsonNode properties, String typeName, JsonNode root, JsonNode value, List<Object> path,
                                    Map<String, List<String>> checked, List<String> problems) {
        if (!checked.containsKey(typeName)) {
            ObjectNode copy = root.deepCopy();
            JsonNode at = copy;
            for (Object step : path) {
                at = step instanceof Integer i ? at.get(i) : at.get((String) step);
            }
            ((ObjectNode) at).put("zzUnknownKey", true);
            String message;
            try {
                TopologyParser.parse(copy);
                message = "";
            } catch (dev.multisite.topology.TopologyException e) {
                message = e.getMessage();
            }
            // A record lists its keys; a choice of kinds (a DNS backend) lists the kinds, exactly one of which it takes.
            var allowed = java.util.regex.Pattern.compile("zzUnknownKey: unknown key.*\\(allowed here: ([^)]*)\\)"
                    + "|expected a mapping with exactly one of ([^;]*?), got the key").matcher(message);
            List<String> expected = new ArrayList<>(names(properties));
            expected.remove("secrets");
            if (!allowed.find()) {
                problems.add(typeName + " at " + path + ": the parser did not list the allowed keys: " + message);
            } else if (!new TreeSet<>(List.of(listed(allowed).split(", "))).equals(new TreeSet<>(expected))) {
                problems.add(typeName + " at " + path + ": parser allows " + listed(allowed) + ", schema has " + expected);
            }
            checked.put(typeName, expected);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            var field = it.next();
            List<Object> at = new ArrayList<>(path);
            at.add(field.getKey());
            descendKeys(schema, properties.path(field.getKey()), root, field.getValue(), at, checked, problems);
        }
    }

    private static String listed(java.util.regex.Matcher allowed) {
        return allowed.group(1) != null ? allowed.group(1) : allowed.group(2);
    }

    private static void descendKeys(JsonNode schema, JsonNode spec, JsonNode root, JsonNode value, List<Object> path,
                                    Map<String, List<String>> checked, List<String> problems) {
        if (spec.has("$ref") && value.isObject()) {
            String name = spec.path("$ref").asText().replaceFirst("^#/types/multisite:index:", "");
            compareKeys(schema, type(schema, spec).path("properties"), name, root, value, path, checked, problems);
        } else if (spec.path("type").asText().equals("array") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                List<Object> at = new ArrayList<>(path);
                at.add(i);
                descendKeys(schema, spec.path("items"), root, value.get(i), at, checked, problems);
            }
        }
    }

    private static void collectRefs(JsonNode schema, JsonNode properties, Set<String> into) {
        properties.forEach(spec -> {
            JsonNode inner = spec;
            while (inner.has("items") || inner.has("additionalProperties")) {
                inner = inner.has("items") ? inner.path("items") : inner.path("additionalProperties");
            }
            if (inner.has("$ref") && into.add(inner.path("$ref").asText().replaceFirst("^#/types/multisite:index:", ""))) {
                collectRefs(schema, type(schema, inner).path("properties"), into);
            }
        });
    }

    /** Where a value does not fit the schema's properties: unknown keys and wrong JSON types, recursively. */
    private static List<String> misfits(JsonNode schema, JsonNode properties, JsonNode value, String path) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            var field = it.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode property = properties.path(field.getKey());
            if (property.isMissingNode()) {
                out.add(at + ": not a property");
            } else {
                out.addAll(misfit(schema, property, field.getValue(), at));
            }
        }
        return out;
    }

    private static List<String> misfit(JsonNode schema, JsonNode spec, JsonNode value, String at) {
        if (spec.has("oneOf")) {
            for (JsonNode option : spec.path("oneOf")) {
                if (misfit(schema, option, value, at).isEmpty()) {
                    return List.of();
                }
            }
            return List.of(at + ": fits none of " + spec.path("oneOf"));
        }
        if (spec.has("$ref")) {
            return value.isObject() ? misfits(schema, type(schema, spec).path("properties"), value, at)
                    : List.of(at + ": expected an object, got " + value);
        }
        String type = spec.path("type").asText();
        boolean interpolated = value.isTextual() && value.asText().startsWith("${");
        boolean fits = interpolated || switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
        if (!fits) {
            return List.of(at + ": expected " + type + ", got " + value);
        }
        List<String> out = new ArrayList<>();
        if (type.equals("array") && !interpolated) {
            for (int i = 0; i < value.size(); i++) {
                out.addAll(misfit(schema, spec.path("items"), value.get(i), at + "[" + i + "]"));
            }
        } else if (type.equals("object") && !interpolated) {
            value.fields().forEachRemaining(e -> out.addAll(misfit(schema, spec.path("additionalProperties"), e.getValue(), at + "." + e.getKey())));
        }
        return out;
    }

    private static JsonNode type(JsonNode schema, JsonNode ref) {
        String token = ref.path("$ref").asText().replaceFirst("^#/types/", "");
        JsonNode type = schema.path("types").path(token);
        assertThat(type.isMissingNode()).as("type " + token).isFalse();
        return type;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
