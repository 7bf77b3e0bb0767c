package dev.multisite.stack;

import dev.multisite.stack.plan.Plan;
import dev.multisite.stack.plan.PlannedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleStacksPlanTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "global", "data"})
    void everyExampleStackPlansWithOneKubernetesProviderPerSite(String stack) {
        var file = ExampleStacks.read(stack);
        Plan plan = ExampleStacks.plan(stack);

        assertThat(plan.ofType("pulumi:providers:kubernetes"))
                .extracting(PlannedResource::name)
                .containsExactlyInAnyOrderElementsOf(file.topology().sites().stream().map(s -> s.name() + "-k8s").toList());
    }
}
