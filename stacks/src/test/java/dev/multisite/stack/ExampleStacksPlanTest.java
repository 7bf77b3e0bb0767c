package dev.multisite.stack;

import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleStacksPlanTest {

    @ParameterizedTest
    @MethodSource("dev.multisite.stack.ExampleStacks#names")
    void everyExampleStackPlansWithOneKubernetesProviderPerSite(String stack) {
        var file = ExampleStacks.read(stack);
        Plan plan = ExampleStacks.plan(stack);

        assertThat(plan.ofType("pulumi:providers:kubernetes"))
                .extracting(PlannedResource::name)
                .containsExactlyInAnyOrderElementsOf(file.topology().sites().stream().map(s -> s.name() + "-k8s").toList());
    }

    /** Same ASNs as the default gave before they were written out, so the example plans did not change. */
    private static final java.util.Map<String, java.util.Map<String, Long>> ASNS_BEFORE = java.util.Map.of(
            "dev", java.util.Map.of("aws-use1", 64513L, "gcp-euw4", 64514L),
            "prod", java.util.Map.of("aws-use1", 64601L, "aws-euw1", 64602L, "gcp-euw4", 64603L, "az-weu", 64604L, "metal-fra", 64605L));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "global"})
    void everyExampleSiteSetsItsAsnExplicitlySoRenumberingCannotReplaceAGateway(String stack) {
        var sites = ExampleStacks.read(stack).topology().sites();
        assertThat(sites).allSatisfy(site -> assertThat(site.network().asn())
                .as("sites[%s].network.asn", site.name()).isNotNull());
        if (ASNS_BEFORE.containsKey(stack)) {
            assertThat(sites).allSatisfy(site -> assertThat(site.asn()).isEqualTo(ASNS_BEFORE.get(stack).get(site.name())));
        } else {
            assertThat(sites).allSatisfy(site -> assertThat(site.asn()).isEqualTo(64512L + site.mesh().clusterId()));
        }
    }
}
