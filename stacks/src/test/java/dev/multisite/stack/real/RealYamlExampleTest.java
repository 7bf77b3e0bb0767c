package dev.multisite.stack.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.stack.ExampleStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/yaml} previewed by the real CLI and the real YAML language host: the engine boots
 * the component package from {@code packages: multisite: ../../package} through the Java host's
 * {@code RunPlugin}, the package constructs the Fleet and registers its children, and the stand-in
 * providers answer their {@code Check}s. The custom resources it registers (type and name) are the
 * ones the Java program registers for the same topology (prod), as {@code ./multisite plan} records
 * them.
 */
class RealYamlExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Duration PREVIEW = Duration.ofMinutes(20);
    private static final Duration CLI = Duration.ofMinutes(2);
    /** A well-formed kubeconfig for the bare-metal site: the stand-in Kubernetes provider reaches no cluster. */
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: metal-fra
              cluster:
                server: https://metal-fra.invalid:6443
            contexts:
            - name: metal-fra
              context:
                cluster: metal-fra
                user: metal-fra
            current-context: metal-fra
            users:
            - name: metal-fra
              user:
                token: test-only-token
            """;

    @TempDir
    Path scratch;

    @Test
    void previewRegistersTheCustomResourcesTheJavaProgramRegistersForProd() throws Exception {
        RealPulumi pulumi = RealPulumi.open(scratch, "pulumi-language-java", "pulumi-language-yaml");
        Path root = Path.of("..").toAbsolutePath().normalize();
        pulumi.buildProject(root);
        StandIns.install(pulumi, scratch);

        // The example, with its package path made absolute: it runs from a scratch copy.
        Path project = Files.createDirectories(scratch.resolve("yaml"));
        ObjectNode file = (ObjectNode) YAML.readTree(root.resolve("examples/yaml/Pulumi.yaml").toFile());
        ((ObjectNode) file.path("packages")).put("multisite", root.resolve("package").toString());
        YAML.writeValue(project.resolve("Pulumi.yaml").toFile(), file);

        assertThat(pulumi.pulumi(project, CLI, "stack", "init", "prod").exit()).isZero();
        Files.writeString(scratch.resolve("kubeconfig"), KUBECONFIG);
        for (var secret : Map.of("metal-fra-kubeconfig", KUBECONFIG, "cloudflare-api-token", "test-only-cloudflare-token").entrySet()) {
            pulumi.setSecret(project, "prod", secret.getKey(), secret.getValue());
        }

        var preview = pulumi.pulumi(project, PREVIEW, "preview", "--json", "--stack", "prod");
        assertThat(preview.exit()).as(preview.output()).isZero();
        JsonNode document = JSON.readTree(preview.stdout());
        JsonNode steps = document.path("steps");
        // Printed, not asserted: the stand-in plugins may be reported as having "exited prematurely"
        // when the engine shuts them down (a stand-in matter, not the package's).
        document.path("diagnostics").forEach(d -> System.out.println("real: examples/yaml preview diagnostic: "
                + d.path("message").asText().lines().findFirst().orElse("")));
        Map<String, Long> real = customResources(steps);
        System.out.println("real: examples/yaml preview took " + String.format(java.util.Locale.ROOT, "%.1f s", preview.took().toMillis() / 1000.0)
                + ", " + steps.size() + " steps, " + real.values().stream().mapToLong(Long::longValue).sum() + " custom resources");

        // Construct of a component goes to the package's plugin without a provider resource in the
        // preview, so the custom resources of both programs compare one to one.
        Plan plan = ExampleStacks.plan("prod");
        Map<String, Long> java = plan.resources().stream().filter(PlannedResource::custom)
                .collect(Collectors.groupingBy(r -> r.type() + "::" + r.name(), TreeMap::new, Collectors.counting()));
        assertThat(real).isEqualTo(java);
    }

    /** Custom resources of a preview by {@code type::name}, counted (names repeat across parents). */
    private static Map<String, Long> customResources(JsonNode steps) {
        Function<JsonNode, String> key = s -> {
            String urn = s.path("urn").asText();
            return s.path("newState").path("type").asText() + "::" + urn.substring(urn.lastIndexOf("::") + 2);
        };
        return java.util.stream.StreamSupport.stream(steps.spliterator(), false)
                .filter(s -> s.path("newState").path("custom").asBoolean())
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
