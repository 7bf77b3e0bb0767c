package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key path of the Helm values of every Cilium release in the planned stacks exists in the
 * pinned chart (1.20.0). The chart's schema sets no {@code additionalProperties}, so Helm silently
 * ignores a misspelt or removed key; this test is what notices. Allowed paths:
 * {@code src/test/resources/cilium-1.20.0-value-paths.txt}, copied from the chart's values.schema.json.
 */
class CiliumValuesSchemaTest {
    private static final Set<String> LEAVES = new TreeSet<>();
    private static final Set<String> FREE_FORM = new TreeSet<>();

    static {
        try (var in = new BufferedReader(new InputStreamReader(
                CiliumValuesSchemaTest.class.getResourceAsStream("/cilium-1.20.0-value-paths.txt"), StandardCharsets.UTF_8))) {
            in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
                if (l.endsWith(".*")) {
                    FREE_FORM.add(l.substring(0, l.length() - 2));
                } else {
                    LEAVES.add(l);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leaf key paths of {@code values} that the chart does not have. */
    static List<String> unknownPaths(JsonNode values) {
        List<String> unknown = new ArrayList<>();
        walk(values, "", unknown);
        return unknown;
    }

    private static void walk(JsonNode node, String path, List<String> unknown) {
        if (!path.isEmpty() && FREE_FORM.contains(path)) {
            return;
        }
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), unknown);
            }
        } else if (!LEAVES.contains(path)) {
            unknown.add(path);
        }
    }

    private static List<PlannedResource> ciliumReleases(Plan plan) {
        return plan.ofType("kubernetes:helm.sh/v3:Release").stream()
                .filter(r -> r.inputs().path("chart").asText().equals("cilium")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void everyValueKeyOfEveryCiliumReleaseIsAKeyOfThePinnedChart(String stack) {
        var releases = ciliumReleases(ExampleStacks.plan(stack));
        assertThat(releases).hasSize(ExampleStacks.read(stack).topology().sites().size());
        for (PlannedResource release : releases) {
            assertThat(release.inputs().path("version").asText()).isEqualTo("1.20.0");
            assertThat(unknownPaths(release.inputs().path("values"))).as("unknown Cilium values in %s", release.name()).isEmpty();
        }
    }

    @Test
    void theOtherMeshOptionsOnlyUseKeysOfThePinnedChartToo() throws IOException {
        // The code paths the example stacks do not take: native routing with NodePort exposure and no encryption; Geneve.
        for (String mesh : List.of("{datapath: native, ipv4NativeRoutingCidr: 100.64.0.0/10, apiserverExposure: nodeport, encryption: none}",
                "{datapath: tunnel-geneve}")) {
            var meshBlock = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(mesh);
            Plan plan = ExampleStacks.planEdited("prod", topology -> topology.set("mesh", meshBlock));
            assertThat(ciliumReleases(plan)).hasSize(5).allSatisfy(r ->
                    assertThat(unknownPaths(r.inputs().path("values"))).as("%s with mesh %s", r.name(), mesh).isEmpty());
        }
    }

    @Test
    void maxConnectedClustersIsSetUnderClustermeshInEverySite() {
        assertThat(ciliumReleases(ExampleStacks.plan("prod"))).allSatisfy(r -> {
            assertThat(r.inputs().path("values").path("clustermesh").path("maxConnectedClusters").asInt()).isEqualTo(255);
            assertThat(r.inputs().path("values").has("maxConnectedClusters")).isFalse();
        });
    }

    @Test
    void theCheckFindsKeysThePinnedChartDoesNotHave() throws IOException {
        // The keys this repository used to set: top-level maxConnectedClusters, GKE's nodeinit
        // reconfigureKubelet / removeCbrBridge and EKS's egressMasqueradeInterfaces.
        JsonNode stale = new ObjectMapper().readTree("""
                {"maxConnectedClusters": 255, "egressMasqueradeInterfaces": "eth+",
                 "nodeinit": {"enabled": true, "reconfigureKubelet": true, "removeCbrBridge": true},
                 "clustermesh": {"maxConnectedClusters": 255, "apiserver": {"service": {"annotations": {"any/key": "x"},
                   "loadBalancerSourceRanges": ["10.0.0.0/16"]}}, "config": {"clusters": [{"name": "a"}]}}}""");
        assertThat(unknownPaths(stale)).containsExactlyInAnyOrder("maxConnectedClusters", "egressMasqueradeInterfaces",
                "nodeinit.reconfigureKubelet", "nodeinit.removeCbrBridge");
    }
}
