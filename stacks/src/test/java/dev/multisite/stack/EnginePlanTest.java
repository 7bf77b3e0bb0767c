package dev.multisite.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.StackView;
import dev.multisite.policy.analyzer.EngineDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example plans through the policy pack as `pulumi preview --policy-pack policies` runs it:
 * the launcher started by {@link EngineDriver} like the engine does, every resource (the root
 * stack and components included) through Analyze, then AnalyzeStack.
 */
class EnginePlanTest {
    private static final Path PACK = Path.of("..", "policies").toAbsolutePath().normalize();

    private static Map<String, String> stackConfig(String stack) {
        Map<String, String> config = new java.util.HashMap<>();
        ExampleStacks.read(stack).config().forEach((k, v) -> config.put(k, v.isTextual() ? v.asText() : v.toString()));
        return config;
    }

    private static List<AnalyzeDiagnostic> throughTheEngine(String stack, List<PlannedResource> resources) throws Exception {
        try (var engine = EngineDriver.start(PACK, stackConfig(stack), true)) {
            var diagnostics = engine.run(resources.stream().map(RealPreviews::policyResource).toList());
            assertThat(engine.extraStdout()).as("nothing but the port on stdout").isEmpty();
            return diagnostics;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "data"})
    void theCleanPlanGivesTheOfflineVerdictAndNoMandatoryViolation(String stack) throws Exception {
        Plan plan = ExampleStacks.plan(stack);
        assertThat(plan.resources()).extracting(PlannedResource::type).contains(PolicyResource.ROOT_STACK_TYPE, "multisite:site:EksSite");
        var diagnostics = throughTheEngine(stack, plan.resources());

        assertThat(diagnostics).noneMatch(d -> d.getEnforcementLevel() == pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY);
        var offline = PolicyPack.evaluate(new StackView(plan.resources().stream().map(RealPreviews::policyResource).toList(),
                ExampleStacks.read(stack).config().get("multisite:topology")), PolicyConfig.DEFAULTS);
        assertThat(diagnostics).extracting(d -> d.getPolicyName() + " " + d.getUrn())
                .containsExactlyInAnyOrderElementsOf(offline.stream().map(v -> v.rule() + " " + v.urn()).toList());
    }

    /** data: its Route 53 health checks carry values the program knows before anything exists. */
    @ParameterizedTest
    @ValueSource(strings = {"data"})
    void aFirstPreviewWithUnknownsBlocksNothingButARealViolationIsStillCaught(String stack) throws Exception {
        Plan plan = ExampleStacks.plan(stack);
        var first = RealPreviews.firstPreview(plan);
        assertThat(first).anySatisfy(r -> assertThat(r.inputs().toString()).contains(dev.multisite.policy.Unknowns.SENTINEL));
        assertThat(throughTheEngine(stack, first))
                .noneMatch(d -> d.getEnforcementLevel() == pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY);
        assertThat(first).anyMatch(r -> r.type().equals("aws:route53/healthCheck:HealthCheck") && r.inputs().has("regions"));

        // Health checks from two regions only: a value the program knows before anything exists.
        var broken = first.stream().map(r -> r.type().equals("aws:route53/healthCheck:HealthCheck") && r.inputs().has("regions")
                ? withRegions(r, "us-east-1", "eu-west-1") : r).toList();
        assertThat(throughTheEngine(stack, broken))
                .filteredOn(d -> d.getPolicyName().equals("health-check-regions-and-interval"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getEnforcementLevel()).isEqualTo(pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global"})
    void aFirstPreviewOfTheOtherStacksBlocksNothing(String stack) throws Exception {
        var first = RealPreviews.firstPreview(ExampleStacks.plan(stack));
        assertThat(throughTheEngine(stack, first))
                .noneMatch(d -> d.getEnforcementLevel() == pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY);
    }

    static PlannedResource withRegions(PlannedResource r, String... regions) {
        ObjectNode inputs = r.inputs().deepCopy();
        ArrayNode list = inputs.putArray("regions");
        for (String region : regions) {
            list.add(region);
        }
        return new PlannedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), r.dependencies(),
                r.propertyDependencies(), r.protect(), inputs);
    }
}
