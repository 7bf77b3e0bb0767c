package dev.multisite.stack;

import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Multisite component registers outputs (STYLE: a component ends with registerOutputs of what it made). */
class ComponentOutputsTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"prod", "global"})
    void everyComponentRegistersAtLeastOneOutput(String stack) {
        Plan plan = ExampleStacks.plan(stack);
        var components = plan.resources().stream().filter(r -> r.type().startsWith("multisite:")).toList();
        assertThat(components).extracting(PlannedResource::type).contains("multisite:network:Interconnect", "multisite:traffic:HealthApp",
                "multisite:network:AwsSiteNetwork", "multisite:network:GcpSiteNetwork", "multisite:network:AzureSiteNetwork");
        if (stack.equals("prod")) {
            assertThat(components).extracting(PlannedResource::type).contains("multisite:gitops:GitOps", "multisite:gitops:ArgoCd");
        }
        assertThat(components).allSatisfy(c -> assertThat(plan.componentOutputs().getOrDefault(c.urn(), java.util.List.of()))
                .as("outputs of %s (%s)", c.name(), c.type()).isNotEmpty());
    }
}
