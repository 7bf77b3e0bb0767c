package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.stack.plan.PreviewDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan written in the `pulumi preview --json` shape, read back as a consumer would. */
class PreviewJsonTest {

    private static JsonNode writeAndRead(String stack, Path dir) throws Exception {
        var file = ExampleStacks.read(stack);
        var plan = ExampleStacks.plan(stack);
        Path out = dir.resolve(stack + ".json");
        PreviewDocument.of(plan, file.config(), 1_000L).write(out);
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void globalPlanHasEveryClusterKindAndAKubernetesProviderPerSite(@TempDir Path dir) throws Exception {
        JsonNode doc = writeAndRead("global", dir);
        List<String> types = new ArrayList<>();
        doc.path("steps").forEach(s -> types.add(s.path("newState").path("type").asText()));

        assertThat(types).contains("aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster",
                "azure-native:containerservice:ManagedCluster");
        assertThat(types.stream().filter(t -> t.equals("pulumi:providers:kubernetes"))).hasSize(13);
        assertThat(types.stream().filter(t -> t.equals("multisite:site:ExistingSite"))).hasSize(3);
    }

    @Test
    void everyStepIsACreateWithUrnTypeAndTheSummaryCountsThem(@TempDir Path dir) throws Exception {
        JsonNode doc = writeAndRead("prod", dir);
        assertThat(doc.path("changeSummary").path("create").asInt()).isEqualTo(doc.path("steps").size());
        doc.path("steps").forEach(step -> {
            assertThat(step.path("op").asText()).isEqualTo("create");
            assertThat(step.path("urn").asText()).startsWith("urn:pulumi:prod::multisite::");
            assertThat(step.path("newState").path("urn").asText()).isEqualTo(step.path("urn").asText());
            assertThat(step.path("newState").has("custom")).isTrue();
            assertThat(step.path("newState").path("type").asText()).isNotEmpty();
            if (step.path("newState").path("custom").asBoolean() && !step.path("newState").path("type").asText().startsWith("pulumi:providers:")) {
                assertThat(step.path("provider").asText()).contains("pulumi:providers:").isEqualTo(step.path("newState").path("provider").asText());
            }
        });
    }

    @Test
    void noSecretLeaksIntoThePlanFile(@TempDir Path dir) throws Exception {
        writeAndRead("prod", dir);
        String text = Files.readString(dir.resolve("prod.json"));
        assertThat(text).doesNotContain("certificate-authority-data", "offline-placeholder", "BEGIN CERTIFICATE",
                "AAABAMultisiteExamplePlaceholder");
        assertThat(text).contains("\"kubeconfig\" : \"[secret]\"", "\"multisite:metal-fra-kubeconfig\" : \"[secret]\"");
    }

    @Test
    void thePlanIsDeterministic(@TempDir Path dir) throws Exception {
        JsonNode first = writeAndRead("dev", dir);
        JsonNode second = writeAndRead("dev", dir);
        assertThat(second).isEqualTo(first);
    }

    /** The fields where Pulumi's PreviewDigest (pkg/display/json.go) is strict about shape. */
    @Test
    void theDocumentHasTheRealDigestShape(@TempDir Path dir) throws Exception {
        JsonNode doc = writeAndRead("prod", dir);
        doc.path("config").properties().forEach(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
        assertThat(new ObjectMapper().readTree(doc.path("config").path("multisite:topology").asText()).path("sites").isArray()).isTrue();
        assertThat(doc.has("diagnostics")).as("diagnostics is omitted when empty").isFalse();
        assertThat(doc.path("duration").isIntegralNumber()).isTrue();
        doc.path("steps").forEach(step -> {
            assertThat(step.has("detailedDiff")).isTrue();
            assertThat(step.path("detailedDiff").isNull()).isTrue();
            assertThat(step.path("newState").path("protect").asBoolean(true)).as("protect is omitted when false").isTrue();
        });
        assertThat(doc.path("steps")).anySatisfy(step -> assertThat(step.path("newState").path("protect").asBoolean()).isTrue());
    }
}
