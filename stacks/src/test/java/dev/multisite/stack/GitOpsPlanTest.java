package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The GitOps layer of prod, per-site (as committed) and hub (with a rollout). */
class GitOpsPlanTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String APPSET = "kubernetes:argoproj.io/v1alpha1:ApplicationSet";

    static Plan hubPlan() {
        return ExampleStacks.planEdited("prod", topology -> {
            var gitops = (ObjectNode) topology.path("gitops");
            ((ObjectNode) gitops.path("argocd")).put("mode", "hub").put("hubSite", "aws-use1");
            var order = gitops.putObject("rollout").put("bakeMinutes", 30).putArray("order");
            order.addArray().add("aws-euw1");
            order.addArray().add("gcp-euw4").add("az-weu");
            order.addArray().add("aws-use1").add("metal-fra");
        });
    }

    private static Map<String, PlannedResource> byUrn(Plan plan) {
        return plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
    }

    private static List<PlannedResource> argoReleases(Plan plan) {
        return plan.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> r.inputs().path("chart").asText().equals("argo-cd")).toList();
    }

    private static List<PlannedResource> clusterSecrets(Plan plan) {
        return plan.ofType("kubernetes:core/v1:Secret").stream().filter(s -> s.inputs().path("metadata").path("labels")
                .path("argocd.argoproj.io/secret-type").asText().equals("cluster")).toList();
    }

    @Test
    void perSiteRunsAnArgoCdInEverySiteManagingOnlyItself() {
        Plan plan = ExampleStacks.plan("prod");
        var byUrn = byUrn(plan);
        assertThat(argoReleases(plan)).hasSize(5).allSatisfy(r -> {
            String site = r.name().replace("-argocd-release", "");
            assertThat(byUrn.get(r.providerUrn()).name()).isEqualTo(site + "-k8s");
            assertThat(r.inputs().path("version").asText()).isEqualTo("10.1.1");
        });
        assertThat(clusterSecrets(plan)).hasSize(5).allSatisfy(s -> {
            JsonNode labels = s.inputs().path("metadata").path("labels");
            assertThat(labels.has("multisite/site") && labels.has("multisite/provider") && labels.has("multisite/region")
                    && labels.has("multisite/role")).isTrue();
            assertThat(s.inputs().path("stringData").asText()).isEqualTo("[secret]");
            assertThat(byUrn.get(s.providerUrn()).name()).isEqualTo(labels.path("multisite/site").asText() + "-k8s");
        });
        assertThat(plan.ofType(APPSET)).extracting(PlannedResource::name).containsExactlyInAnyOrder(
                "aws-use1-argocd-hello", "aws-euw1-argocd-hello", "gcp-euw4-argocd-hello", "az-weu-argocd-hello", "metal-fra-argocd-hello",
                "aws-use1-argocd-hello-aws", "aws-euw1-argocd-hello-aws");
    }

    @Test
    void everyApplicationSetHasTheSafetySettings() {
        assertThat(ExampleStacks.plan("prod").ofType(APPSET)).allSatisfy(a -> {
            JsonNode spec = a.inputs().path("spec");
            assertThat(spec.path("goTemplate").asBoolean()).isTrue();
            assertThat(spec.path("syncPolicy").path("preserveResourcesOnDeletion").asBoolean()).isTrue();
            assertThat(spec.path("syncPolicy").path("applicationsSync").asText()).isEqualTo("create-update");
            assertThat(spec.path("template").path("spec").path("syncPolicy").path("automated").path("prune").asBoolean()).isTrue();
            assertThat(spec.path("template").path("spec").path("syncPolicy").path("automated").path("selfHeal").asBoolean()).isTrue();
            assertThat(spec.path("generators").get(0).path("clusters").has("selector")).isTrue();
        });
    }

    @Test
    void hubModeRegistersEverySiteOnTheHubWithRolloutSteps() throws Exception {
        Plan plan = hubPlan();
        var byUrn = byUrn(plan);
        assertThat(argoReleases(plan)).singleElement().satisfies(r -> assertThat(byUrn.get(r.providerUrn()).name()).isEqualTo("aws-use1-k8s"));
        assertThat(clusterSecrets(plan)).hasSize(5).allSatisfy(s -> {
            assertThat(byUrn.get(s.providerUrn()).name()).isEqualTo("aws-use1-k8s");
            assertThat(s.inputs().path("stringData").asText()).isEqualTo("[secret]");
        });
        assertThat(clusterSecrets(plan)).filteredOn(s -> s.name().endsWith("cluster-aws-use1")).singleElement()
                .satisfies(s -> assertThat(s.inputs().path("metadata").path("labels").path("multisite/role").asText()).isEqualTo("hub"));
        var helloAws = plan.ofType(APPSET).stream().filter(a -> a.name().endsWith("-hello-aws")).findFirst().orElseThrow();
        assertThat(helloAws.inputs().path("spec").path("generators").get(0).path("clusters").path("selector").path("matchLabels")
                .path("multisite/provider").asText()).isEqualTo("aws");
        JsonNode steps = helloAws.inputs().path("spec").path("strategy").path("rollingSync").path("steps");
        assertThat(helloAws.inputs().path("spec").path("strategy").path("type").asText()).isEqualTo("RollingSync");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(1).path("matchExpressions").get(0).path("values")).extracting(JsonNode::asText).containsExactly("gcp-euw4", "az-weu");
        assertThat(steps.get(0).path("matchExpressions").get(0).path("key").asText()).isEqualTo("multisite/site");
    }

    @Test
    void theArgocdManifestsParse() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("..", "argocd"))) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(yamls).isNotEmpty();
            for (Path file : yamls) {
                JsonNode doc = YAML.readTree(file.toFile());
                assertThat(doc.path("kind").asText()).as(file.toString()).isNotEmpty();
            }
        }
    }
}
