package dev.multisite.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.policy.EnforcementLevel;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.SharedFateFixtures;
import dev.multisite.policy.StackView;
import dev.multisite.policy.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The interconnect's shared fate, judged on the prod topology a preview carries: refused unless waived, listed when waived. */
class SharedFateRulesTest {

    private static List<Violation> run(JsonNode topology) {
        return PolicyPack.evaluate(new StackView(List.of(), topology), new PolicyConfig(Map.of(), Map.of())).stream()
                .filter(v -> v.rule().startsWith("interconnect-")).toList();
    }

    @Test
    void theExampleTopologyHasNoSharedFate() {
        assertThat(run(SharedFateFixtures.prod())).isEmpty();
    }

    @Test
    void aCutSiteWithoutAWaiverFailsThePreview() {
        assertThat(run(SharedFateFixtures.prodWithOneHubForMetal())).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("interconnect-no-cut-site");
            assertThat(v.level()).isEqualTo(EnforcementLevel.MANDATORY);
            assertThat(v.message()).startsWith("sites[gcp-euw4]: losing it (with its region europe-west4) cuts metal-fra off from the other sites");
        });
    }

    @Test
    void aWaivedCutSiteIsListedAsAdvisoryWithItsReason() {
        assertThat(run(SharedFateFixtures.prodWithWaivedCut())).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("interconnect-waived-shared-fate");
            assertThat(v.level()).isEqualTo(EnforcementLevel.ADVISORY);
            assertThat(v.message()).isEqualTo("waived (one uplink until March): sites[gcp-euw4]: losing it (with its region europe-west4)"
                    + " cuts metal-fra off from the other sites");
        });
    }
}
