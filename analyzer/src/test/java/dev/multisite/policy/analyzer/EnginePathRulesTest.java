package dev.multisite.policy.analyzer;

import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.RulesTest;
import dev.multisite.policy.StackView;
import dev.multisite.policy.Unknowns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule's fixture pair (RulesTest) through the analyzer process, driven as the engine drives
 * it: a mandatory rule must still catch its violation when the request has no custom flag, the
 * provider is a reference the engine resolved, and secrets arrive as signature objects.
 */
class EnginePathRulesTest {
    private static EngineDriver engine;

    @BeforeAll
    static void start() {
        // The pack is policies/ (PulumiPolicy.yaml and the launcher); the launcher runs this module's classes.
        engine = EngineDriver.start(Path.of("..", "policies").toAbsolutePath().normalize(), Map.of(), true);
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        assertThat(engine.extraStdout()).as("stdout after the port").isEmpty();
    }

    static Stream<Arguments> mandatoryCases() {
        return RulesTest.cases().filter(a -> PolicyPack.rule((String) a.get()[0]).defaultLevel() == dev.multisite.policy.EnforcementLevel.MANDATORY);
    }

    private static List<AnalyzeDiagnostic> run(StackView stack) {
        engine.configureStack(Map.of("multisite:topology", stack.topology().toString()), true);
        return engine.run(stack.resources());
    }

    static Stream<Arguments> stackWideMandatoryCases() {
        return mandatoryCases().filter(a -> PolicyPack.rule((String) a.get()[0]).needsEveryResource());
    }

    /**
     * In a part of a fleet-mode stack (its config has multisite:part), a stack-wide rule would see a
     * fraction of the fleet: the engine path leaves it to the check of all parts together.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stackWideMandatoryCases")
    void aStackWideRuleIsLeftForAllPartsWhenTheStackIsOnePart(String rule, StackView passing, StackView violating, String message) {
        engine.configureStack(Map.of("multisite:topology", violating.topology().toString(), "multisite:part", "site-a"), true);
        assertThat(engine.run(violating.resources())).as("%s in a part", rule).noneMatch(d -> d.getPolicyName().equals(rule));
        assertThat(run(violating)).as("%s in the whole stack", rule).anyMatch(d -> d.getPolicyName().equals(rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mandatoryCases")
    void aMandatoryRuleCatchesItsViolationThroughTheEngine(String rule, StackView passing, StackView violating, String message) {
        assertThat(run(passing)).as("%s on the passing fixture", rule).noneMatch(d -> d.getPolicyName().equals(rule));
        // The engine gives a custom resource that names no provider the default one (source_eval.go).
        String expected = rule.equals("explicit-provider") ? "uses a default provider" : message;
        assertThat(run(violating)).as("%s on the violating fixture", rule)
                .filteredOn(d -> d.getPolicyName().equals(rule))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.MANDATORY))
                .anySatisfy(d -> assertThat(d.getMessage()).contains(expected));
    }

    static Stream<Arguments> stackMandatoryCases() {
        return mandatoryCases().filter(a -> PolicyPack.rule((String) a.get()[0]).isStackRule());
    }

    /**
     * A preview of a new stack: every cluster's kubeconfig is unknown, so the engine withholds the
     * outputs of everything created on the clusters and AnalyzeStack sees none of their properties.
     * The stack rules judge what Analyze saw of them instead, their inputs: the verdicts are the same.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stackMandatoryCases")
    void aStackRuleJudgesTheInputsOfResourcesWhoseOutputsThePreviewWithholds(String rule, StackView passing, StackView violating, String message) {
        engine.configureStack(Map.of("multisite:topology", passing.topology().toString()), true);
        assertThat(engine.runWithOutputsWithheld(passing.resources())).as("%s on the passing fixture", rule)
                .noneMatch(d -> d.getPolicyName().equals(rule));
        engine.configureStack(Map.of("multisite:topology", violating.topology().toString()), true);
        assertThat(engine.runWithOutputsWithheld(violating.resources())).as("%s on the violating fixture", rule)
                .anyMatch(d -> d.getPolicyName().equals(rule));
    }

    @Test
    void theEngineAnalyzesTheRootStackAndComponentsWithoutCustomFlagAndNothingIsFlagged() {
        var stack = new PolicyResource("urn:pulumi:prod::multisite::pulumi:pulumi:Stack::multisite-prod", PolicyResource.ROOT_STACK_TYPE,
                "multisite-prod", false, "", "", List.of(), false, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        var site = new PolicyResource("urn:pulumi:prod::multisite::pulumi:pulumi:Stack$multisite:site:EksSite::a", "multisite:site:EksSite",
                "a", false, stack.urn(), "", List.of(), false, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        assertThat(engine.analyze(stack)).isEmpty();
        assertThat(engine.analyze(site)).isEmpty();
    }

    @Test
    void aValueNotKnownDuringPreviewIsNeverAMandatoryViolation() {
        var eks = new PolicyResource("urn:pulumi:prod::multisite::aws:eks/cluster:Cluster::a-eks", "aws:eks/cluster:Cluster", "a-eks", true,
                "", "urn:pulumi:prod::multisite::pulumi:providers:aws::a-aws", List.of(), false,
                dev.multisite.policy.FixturesAccess.json("{'vpcConfig':{'endpointPublicAccess':true,'publicAccessCidrs':'" + Unknowns.SENTINEL + "'}}"));
        assertThat(engine.analyze(eks)).filteredOn(d -> d.getEnforcementLevel() == EnforcementLevel.MANDATORY).isEmpty();
        assertThat(engine.analyze(eks)).filteredOn(d -> d.getPolicyName().equals("cluster-api-not-open-to-world")).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("cluster-api-not-open-to-world");
            assertThat(d.getEnforcementLevel()).isEqualTo(EnforcementLevel.ADVISORY);
            assertThat(d.getMessage()).contains("not known during preview", "vpcConfig.publicAccessCidrs");
        });
    }

    @Test
    void aPolicyConfigNamingNoRuleIsRefusedWithItsName() {
        var bad = pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest.newBuilder().putPolicyConfig("min-too-sites",
                pulumirpc.AnalyzerOuterClass.PolicyConfig.newBuilder().setEnforcementLevel(EnforcementLevel.ADVISORY).build()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.configure(bad))
                .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("'min-too-sites' is not a rule of the pack");
    }

    @Test
    void configureChangesEnforcementAsPolicyPackConfigDoes() {
        var record = new PolicyResource("urn:pulumi:prod::multisite::aws:route53/record:Record::a-global", "aws:route53/record:Record",
                "a-global", true, "", "urn:pulumi:prod::multisite::pulumi:providers:aws::a-aws", List.of(), false,
                dev.multisite.policy.FixturesAccess.json("{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':3600}"));
        assertThat(engine.analyze(record)).extracting(AnalyzeDiagnostic::getPolicyName).contains("dns-ttl-limit");
        try {
            engine.configure(pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest.newBuilder().putPolicyConfig("dns-ttl-limit",
                    pulumirpc.AnalyzerOuterClass.PolicyConfig.newBuilder().setEnforcementLevel(EnforcementLevel.DISABLED).build()).build());
            assertThat(engine.analyze(record)).extracting(AnalyzeDiagnostic::getPolicyName).doesNotContain("dns-ttl-limit");
        } finally {
            engine.configure(pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest.getDefaultInstance());
        }
    }
}
