package dev.multisite.policy;

import org.junit.jupiter.api.Test;

import static dev.multisite.policy.Fixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyConfigTest {
    static final StackView SKEWED = stack("{'sites':[{'name':'a','provider':'aws','capacity':300},{'name':'b','provider':'gcp','capacity':100}]}");

    @Test
    void aRuleCanBeDisabledOrDowngraded() {
        var disabled = PolicyConfig.of(Fixtures.json("{'provider-capacity-share':'disabled'}"));
        assertThat(PolicyPack.evaluate(SKEWED, disabled)).noneMatch(v -> v.rule().equals("provider-capacity-share"));
        var advisory = PolicyConfig.of(Fixtures.json("{'provider-capacity-share':{'level':'advisory'}}"));
        assertThat(PolicyPack.evaluate(SKEWED, advisory)).filteredOn(v -> v.rule().equals("provider-capacity-share"))
                .singleElement().extracting(Violation::level).isEqualTo(EnforcementLevel.ADVISORY);
    }

    @Test
    void ruleParametersOverrideDefaults() {
        var lenient = PolicyConfig.of(Fixtures.json("{'provider-capacity-share':{'maxShare':0.8}}"));
        assertThat(PolicyPack.evaluate(SKEWED, lenient)).noneMatch(v -> v.rule().equals("provider-capacity-share"));
    }

    @Test
    void anUnknownLevelIsAClearError() {
        assertThatThrownBy(() -> PolicyConfig.of(Fixtures.json("{'dns-ttl-limit':'warn'}")))
                .hasMessage("dns-ttl-limit: 'warn' is not an enforcement level; use advisory, mandatory or disabled");
    }

    @Test
    void providerReferencesLoseOnlyTheirId() {
        String urn = "urn:pulumi:prod::multisite::pulumi:pulumi:Stack$pulumi:providers:aws::a-aws";
        assertThat(PolicyResource.providerUrnOf(urn + "::provider-123")).isEqualTo(urn);
        assertThat(PolicyResource.providerUrnOf(urn)).isEqualTo(urn);
        assertThat(PolicyResource.providerUrnOf("")).isEmpty();
    }
}
