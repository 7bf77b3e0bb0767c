package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.stack.plan.PreviewDocument;
import dev.multisite.topology.SiteSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Cilium Cluster Mesh in the prod (5 sites) and global (13 sites) plans. */
class MeshPlanTest {

    private static List<PlannedResource> releases(Plan plan) {
        return plan.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> r.inputs().path("chart").asText().equals("cilium")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void oneCiliumReleasePerSiteOnThatSitesProviderWithItsIdentity(String stack) {
        var topology = ExampleStacks.read(stack).topology();
        Plan plan = ExampleStacks.plan(stack);
        Map<String, PlannedResource> byUrn = plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
        assertThat(releases(plan)).hasSize(topology.sites().size());
        for (SiteSpec site : topology.sites()) {
            PlannedResource release = plan.resources().stream().filter(r -> r.name().equals(site.name() + "-cilium")).findFirst().orElseThrow();
            assertThat(byUrn.get(release.providerUrn()).name()).isEqualTo(site.name() + "-k8s");
            JsonNode values = release.inputs().path("values");
            assertThat(values.path("cluster").path("name").asText()).isEqualTo(site.name());
            assertThat(values.path("cluster").path("id").asInt()).isEqualTo(site.mesh().clusterId());
            // The site's pod CIDR, except on GKE: its lower half (the upper half is GKE's own pods range).
            assertThat(values.path("ipam").path("operator").path("clusterPoolIPv4PodCIDRList").get(0).asText())
                    .isEqualTo(site.provider() == dev.multisite.topology.CloudProvider.GCP
                            ? site.network().podCidr().subnet(site.network().podCidr().prefixLength() + 1, 0).toString()
                            : site.network().podCidr().toString());
            assertThat(release.inputs().path("version").asText()).isEqualTo("1.20.0");
            assertThat(values.path("clustermesh").path("apiserver").path("kvstoremesh").path("enabled").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everySiteListsEveryOtherSiteAndNotItself(String stack) {
        var topology = ExampleStacks.read(stack).topology();
        for (PlannedResource release : releases(ExampleStacks.plan(stack))) {
            String self = release.inputs().path("values").path("cluster").path("name").asText();
            List<String> peers = release.inputs().path("values").path("clustermesh").path("config").path("clusters")
                    .findValuesAsText("name");
            assertThat(peers).doesNotContain(self).hasSize(topology.sites().size() - 1)
                    .containsExactlyInAnyOrderElementsOf(topology.sites().stream().map(SiteSpec::name).filter(n -> !n.equals(self)).toList());
            assertThat(release.inputs().path("values").path("clustermesh").path("config").path("clusters").findValuesAsText("address"))
                    .allSatisfy(a -> assertThat(a).endsWith(".mesh." + topology.domain()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void oneSharedCaReferencedByEverySiteWithItsKeySecret(String stack) throws Exception {
        Plan plan = ExampleStacks.plan(stack);
        assertThat(plan.ofType("tls:index/privateKey:PrivateKey")).hasSize(1);
        assertThat(plan.ofType("tls:index/selfSignedCert:SelfSignedCert")).singleElement()
                .satisfies(c -> assertThat(c.inputs().path("isCaCertificate").asBoolean()).isTrue());
        String caCert = plan.ofType("tls:index/selfSignedCert:SelfSignedCert").get(0).urn();
        assertThat(releases(plan)).allSatisfy(r -> {
            assertThat(r.dependencies()).contains(caCert);
            assertThat(r.inputs().path("values").path("tls").path("ca").path("key").asText()).isEqualTo("[secret]");
        });
        assertThat(releases(plan).stream().map(r -> r.inputs().path("values").path("tls").path("ca").path("cert").asText()).distinct()).hasSize(1);
        String json = PreviewDocument.of(plan, ExampleStacks.read(stack).config(), 0).toJson();
        assertThat(json).doesNotContain("PRIVATE KEY", "MULTISITE-OFFLINE-PLAN-KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void noSitesReleaseDependsOnAnotherSitesRelease(String stack) {
        var releaseUrns = releases(ExampleStacks.plan(stack)).stream().map(PlannedResource::urn).toList();
        assertThat(releases(ExampleStacks.plan(stack))).allSatisfy(r -> {
            assertThat(r.dependencies()).doesNotContainAnyElementsOf(releaseUrns);
            r.propertyDependencies().values().forEach(deps -> assertThat(deps).doesNotContainAnyElementsOf(releaseUrns));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void kubeProxyReplacementFollowsTheProvider(String stack) {
        Map<String, String> kpr = releases(ExampleStacks.plan(stack)).stream().collect(Collectors.toMap(
                r -> r.name().replace("-cilium", ""), r -> r.inputs().path("values").path("kubeProxyReplacement").asText()));
        assertThat(kpr).containsEntry("aws-use1", "true").containsEntry("gcp-euw4", "false").containsEntry("az-weu", "false")
                .containsEntry("metal-fra", "true");
        var gke = releases(ExampleStacks.plan(stack)).stream().filter(r -> r.name().equals("gcp-euw4-cilium")).findFirst().orElseThrow();
        assertThat(gke.inputs().path("values").path("nodeinit").path("enabled").asBoolean()).isTrue();
        assertThat(gke.inputs().path("values").path("cni").path("binPath").asText()).isEqualTo("/home/kubernetes/bin");
        var eks = releases(ExampleStacks.plan(stack)).stream().filter(r -> r.name().equals("aws-use1-cilium")).findFirst().orElseThrow();
        assertThat(eks.inputs().path("values").path("k8sServiceHost").asText()).endsWith(".eks.amazonaws.com");
    }

    @org.junit.jupiter.api.Test
    void eksMeshApiserverIsAnInternalNlbOpenOnlyToTheOtherSitesRanges() {
        var topology = ExampleStacks.read("prod").topology();
        for (SiteSpec site : topology.sites()) {
            var release = releases(ExampleStacks.plan("prod")).stream().filter(r -> r.name().equals(site.name() + "-cilium")).findFirst().orElseThrow();
            JsonNode service = release.inputs().path("values").path("clustermesh").path("apiserver").path("service");
            List<String> expected = topology.sites().stream().filter(s -> !s.name().equals(site.name()))
                    .flatMap(s -> java.util.stream.Stream.of(s.network().vpcCidr().toString(), s.network().podCidr().toString())).toList();
            assertThat(service.path("loadBalancerSourceRanges")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrderElementsOf(expected)
                    .doesNotContain(site.network().vpcCidr().toString(), "0.0.0.0/0");
        }
        JsonNode annotations = releases(ExampleStacks.plan("prod")).stream().filter(r -> r.name().equals("aws-use1-cilium")).findFirst()
                .orElseThrow().inputs().path("values").path("clustermesh").path("apiserver").path("service").path("annotations");
        // In-tree AWS service controller annotations (kubernetes/cloud-provider-aws docs/service_controller.md).
        assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-type").asText()).isEqualTo("nlb");
        assertThat(annotations.path("service.beta.kubernetes.io/aws-load-balancer-internal").asText()).isEqualTo("true");
        assertThat(annotations.path("external-dns.alpha.kubernetes.io/hostname").asText()).isEqualTo("aws-use1.mesh." + topology.domain());
    }

    @org.junit.jupiter.api.Test
    void globalServicesAreAnnotatedInEverySiteAfterCilium() throws Exception {
        Plan plan = ExampleStacks.planEdited("prod", topology ->
                topology.putObject("mesh").putArray("globalServices").addObject().put("namespace", "hello").put("name", "hello").put("affinity", "local"));
        var patches = plan.ofType("kubernetes:core/v1:ServicePatch");
        assertThat(patches).hasSize(5).allSatisfy(p -> {
            assertThat(p.inputs().path("metadata").path("annotations").path("service.cilium.io/global").asText()).isEqualTo("true");
            assertThat(p.inputs().path("metadata").path("annotations").path("service.cilium.io/affinity").asText()).isEqualTo("local");
            assertThat(p.dependencies()).anyMatch(d -> d.endsWith("::" + p.name().substring(0, p.name().indexOf("-global-")) + "-cilium"));
        });
    }
}
