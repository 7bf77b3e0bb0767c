package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.multisite.catalog.ResourceTypes;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.topology.ClustersetDnsFacts;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.MeshGateFacts;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global services and the mesh gate in the prod plan (it exports {@code hello}): every site has
 * the namespace, its export (where the app runs) and its gate; every ApplicationSet depends on every
 * gate, read from the plan's dependency graph; the exports validate against the mcs-api CRD at the
 * version the pinned Cilium serves; each provider's DNS forwards {@code clusterset.local}.
 */
class GlobalServicesPlanTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Plan plan;
    private static Topology topology;
    private static Schema serviceExportV1alpha1;

    @BeforeAll
    static void planProd() throws Exception {
        plan = ExampleStacks.plan("prod");
        topology = TopologyParser.parse(ExampleStacks.read("prod").config().get(dev.multisite.stack.plan.StackFile.TOPOLOGY_KEY));
        try (InputStream in = GlobalServicesPlanTest.class.getResourceAsStream("/mcs-api/multicluster.x-k8s.io_serviceexports.yaml")) {
            JsonNode crd = YAML.readTree(in);
            JsonNode schema = null;
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (version.path("name").asText().equals("v1alpha1")) {
                    assertThat(version.path("served").asBoolean()).as("v1alpha1 is served").isTrue();
                    schema = version.path("schema").path("openAPIV3Schema");
                }
            }
            assertThat(schema).as("the CRD's v1alpha1").isNotNull();
            serviceExportV1alpha1 = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(closed(schema.deepCopy()));
        }
    }

    /** Unknown fields rejected, as fieldValidation=Strict does (see FleetExportTest.strict). */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            if (node.has("properties")) {
                node.path("properties").forEach(GlobalServicesPlanTest::closed);
                if (!node.has("additionalProperties") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                    node.put("additionalProperties", false);
                }
            }
            if (node.get("items") instanceof ObjectNode items) {
                closed(items);
            }
        }
        return schema;
    }

    private static List<PlannedResource> ofType(String type) {
        return plan.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Site name by Kubernetes provider URN (the providers are named {@code <site>-k8s...}). */
    private static String siteOf(PlannedResource r) {
        String provider = r.provider().substring(0, r.provider().lastIndexOf("::"));
        String name = provider.substring(provider.lastIndexOf("::") + 2);
        return topology.sites().stream().map(SiteSpec::name).filter(name::startsWith).findFirst().orElseThrow(() -> new AssertionError(r.urn()));
    }

    @Test
    void everySiteHasTheNamespaceItsExportAndItsGate() {
        Set<String> sites = topology.sites().stream().map(SiteSpec::name).collect(Collectors.toSet());
        assertThat(ofType(ResourceTypes.KUBERNETES_NAMESPACE).stream().filter(n -> n.inputs().path("metadata").path("name").asText().equals("hello"))
                .map(GlobalServicesPlanTest::siteOf)).containsExactlyInAnyOrderElementsOf(sites);
        var exports = ofType(ResourceTypes.SERVICE_EXPORT);
        assertThat(exports).allSatisfy(e -> {
            assertThat(e.inputs().path("metadata").path("name").asText()).isEqualTo("hello");
            assertThat(e.inputs().path("metadata").path("namespace").asText()).isEqualTo("hello");
        });
        assertThat(exports.stream().map(GlobalServicesPlanTest::siteOf)).containsExactlyInAnyOrderElementsOf(sites);
        var gates = gates();
        assertThat(gates.values()).containsExactlyInAnyOrderElementsOf(sites);
        for (var job : ofType(ResourceTypes.KUBERNETES_JOB)) {
            if (gates.containsKey(job.urn())) {
                assertThat(siteOf(job)).as("a gate runs on its own site").isEqualTo(gates.get(job.urn()));
                var container = job.inputs().path("spec").path("template").path("spec").path("containers").get(0);
                assertThat(container.path("image").asText()).isEqualTo(MeshGateFacts.IMAGE);
                assertThat(YAML.convertValue(container.path("command"), List.class))
                        .containsExactly("cilium", "clustermesh", "status", "--wait", "--wait-duration", MeshGateFacts.WAIT_SECONDS + "s");
                assertThat(job.inputs().path("spec").path("activeDeadlineSeconds").asInt()).isEqualTo(MeshGateFacts.DEADLINE_SECONDS);
                // Pulumi awaits the Job: nothing may switch the await off.
                assertThat(job.inputs().path("metadata").path("annotations").has("pulumi.com/skipAwait")).isFalse();
                var cilium = plan.resources().stream().filter(r -> r.type().equals(ResourceTypes.HELM_RELEASE)
                        && r.name().equals(gates.get(job.urn()) + "-cilium")).findFirst().orElseThrow();
                assertThat(job.dependencies()).as("the gate runs after its site's Cilium").contains(cilium.urn());
            }
        }
    }

    /** Gate Job URN -> its site. */
    private static Map<String, String> gates() {
        return ofType(ResourceTypes.KUBERNETES_JOB).stream()
                .filter(j -> j.inputs().path("metadata").path("labels").has(MeshGateFacts.SITE_LABEL))
                .collect(Collectors.toMap(PlannedResource::urn, j -> j.inputs().path("metadata").path("labels").path(MeshGateFacts.SITE_LABEL).asText()));
    }

    @Test
    void everyApplicationSetDependsOnEveryGateInThePlansDependencyGraph() {
        var gates = gates().keySet();
        var appSets = ofType(ResourceTypes.APPLICATION_SET);
        assertThat(appSets).hasSize(7);
        assertThat(gates).hasSize(topology.sites().size());
        assertThat(appSets).allSatisfy(a -> assertThat(a.dependencies()).containsAll(gates));
    }

    @Test
    void theExportsValidateAgainstTheMcsCrdVersionCiliumServes() {
        for (var export : ofType(ResourceTypes.SERVICE_EXPORT)) {
            ObjectNode object = (ObjectNode) export.inputs().deepCopy();
            assertThat(object.path("apiVersion").asText()).isEqualTo("multicluster.x-k8s.io/v1alpha1");
            assertThat(object.path("kind").asText()).isEqualTo("ServiceExport");
            assertThat(serviceExportV1alpha1.validate(object).stream().map(Object::toString).toList()).as(export.urn()).isEmpty();
        }
        ObjectNode wrong = (ObjectNode) ofType(ResourceTypes.SERVICE_EXPORT).get(0).inputs().deepCopy();
        wrong.putObject("spec").put("exportTo", "everyone");
        assertThat(serviceExportV1alpha1.validate(wrong)).as("an undeclared field is refused").isNotEmpty();
    }

    @Test
    void everyCiliumReleaseEnablesTheMcsApiAndOnlyExistingSitesLetCiliumConfigureCoreDns() {
        var releases = ofType(ResourceTypes.HELM_RELEASE).stream().filter(r -> r.inputs().path("chart").asText().equals("cilium")).toList();
        assertThat(releases).hasSize(topology.sites().size());
        for (var release : releases) {
            JsonNode mcs = release.inputs().path("values").path("clustermesh").path("mcsapi");
            assertThat(mcs.path("enabled").asBoolean()).as(release.name()).isTrue();
            assertThat(mcs.path("corednsAutoConfigure").path("enabled").asBoolean()).as(release.name()).isEqualTo(release.name().equals("metal-fra-cilium"));
            assertThat(CiliumValuesSchemaTest.unknownPaths(release.inputs().path("values"))).as(release.name()).isEmpty();
            // No headless export in prod: EndpointSlice synchronisation stays off.
            assertThat(release.inputs().path("values").path("clustermesh").has("enableEndpointSliceSynchronization")).isFalse();
        }
    }

    @Test
    void eachProvidersClusterDnsForwardsTheClustersetZoneToTheSitesResolver() throws Exception {
        Function<String, SiteSpec> site = name -> topology.site(name).orElseThrow();
        var services = ofType("kubernetes:core/v1:Service").stream()
                .filter(s -> s.inputs().path("metadata").path("name").asText().equals(ClustersetDnsFacts.NAME)).toList();
        assertThat(services.stream().map(GlobalServicesPlanTest::siteOf)).containsExactlyInAnyOrder("aws-use1", "aws-euw1", "gcp-euw4", "az-weu");
        for (var service : services) {
            SiteSpec s = site.apply(siteOf(service));
            String ip = service.inputs().path("spec").path("clusterIP").asText();
            assertThat(ip).isEqualTo(ClustersetDnsFacts.resolverIp(s));
            assertThat(s.network().serviceCidr().contains(Cidr.parse(ip + "/32"))).as("in %s's service range", s.name()).isTrue();
        }
        for (var addon : ofType("aws:eks/addon:Addon")) {
            String site1 = addon.name().substring(0, addon.name().indexOf("-coredns"));
            JsonNode config = new ObjectMapper().readTree(addon.inputs().path("configurationValues").asText());
            String corefile = config.path("corefile").asText();
            assertThat(corefile).contains("kubernetes cluster.local in-addr.arpa ip6.arpa")
                    .contains(ClustersetDnsFacts.ZONE + ":53 {").contains("forward . " + ClustersetDnsFacts.resolverIp(site.apply(site1)));
        }
        var patches = ofType("kubernetes:core/v1:ConfigMapPatch");
        var aks = patches.stream().filter(p -> p.inputs().path("metadata").path("name").asText().equals("coredns-custom")).toList();
        assertThat(aks.stream().map(GlobalServicesPlanTest::siteOf)).containsExactly("az-weu");
        assertThat(aks.get(0).inputs().path("data").path("clusterset.server").asText())
                .contains("forward . " + ClustersetDnsFacts.resolverIp(site.apply("az-weu")));
        var gke = patches.stream().filter(p -> p.inputs().path("metadata").path("name").asText().equals("kube-dns")).toList();
        assertThat(gke.stream().map(GlobalServicesPlanTest::siteOf)).containsExactly("gcp-euw4");
        JsonNode stubs = new ObjectMapper().readTree(gke.get(0).inputs().path("data").path("stubDomains").asText());
        assertThat(stubs.path(ClustersetDnsFacts.ZONE).get(0).asText()).isEqualTo(ClustersetDnsFacts.resolverIp(site.apply("gcp-euw4")));
        // Never forced: forced, another zone's patch of stubDomains would be silently dropped (ForwardedZones).
        assertThat(gke.get(0).inputs().path("metadata").path("annotations").has("pulumi.com/patchForce")).isFalse();
    }

    /**
     * The keys follow the argo-cd chart's own argocd-cm customisations (10.1.1 values.yaml, copied
     * in src/test/resources/argocd-chart): {@code configs.cm} is a mapping passed to argocd-cm whose
     * {@code resource.customizations.<what>.<group>_<Kind>} keys the chart itself uses; Helm merges
     * ours in beside the chart's defaults, none of which they replace.
     */
    @Test
    void theHealthCheckKeysHaveTheShapeOfTheChartsArgocdCmCustomisations() throws Exception {
        JsonNode chart;
        try (InputStream in = GlobalServicesPlanTest.class.getResourceAsStream("/argocd-chart/values.yaml")) {
            chart = YAML.readTree(in);
        }
        JsonNode cm = chart.path("configs").path("cm");
        assertThat(cm.isObject()).as("configs.cm is a mapping").isTrue();
        var shape = java.util.regex.Pattern.compile("resource\\.customizations\\.[a-zA-Z]+\\.(([a-z0-9.-]+)_)?[A-Z][A-Za-z]+|resource\\.customizations\\.[a-zA-Z]+\\.all");
        List<String> chartKeys = new java.util.ArrayList<>();
        cm.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("resource.customizations.")) {
                chartKeys.add(k);
            }
        });
        assertThat(chartKeys).as("the chart's own customisations").isNotEmpty().allMatch(k -> shape.matcher(k).matches());
        var argo = ofType(ResourceTypes.HELM_RELEASE).stream().filter(r -> r.inputs().path("chart").asText().equals("argo-cd")).findFirst().orElseThrow();
        List<String> ours = new java.util.ArrayList<>();
        argo.inputs().path("values").path("configs").path("cm").fieldNames().forEachRemaining(ours::add);
        assertThat(ours).hasSize(2).allMatch(k -> shape.matcher(k).matches() && k.startsWith("resource.customizations.health.multicluster.x-k8s.io_"))
                .doesNotContainAnyElementsOf(chartKeys);
    }

    @Test
    void argoCdCarriesTheMcsHealthChecksUnderArgocdCmKeys() {
        var argo = ofType(ResourceTypes.HELM_RELEASE).stream().filter(r -> r.inputs().path("chart").asText().equals("argo-cd")).toList();
        assertThat(argo).isNotEmpty();
        for (var release : argo) {
            JsonNode cm = release.inputs().path("values").path("configs").path("cm");
            assertThat(cm.path("resource.customizations.health.multicluster.x-k8s.io_ServiceExport").asText()).contains("Degraded").contains("Conflict");
            assertThat(cm.path("resource.customizations.health.multicluster.x-k8s.io_ServiceImport").asText()).contains("Healthy");
        }
    }
}
