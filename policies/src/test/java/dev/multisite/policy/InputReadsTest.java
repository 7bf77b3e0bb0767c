package dev.multisite.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.multisite.policy.Fixtures.res;
import static dev.multisite.policy.Fixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;

/** The reads the rule coverage test records: by rule, type and path, list elements as {@code list[].field}. */
class InputReadsTest {
    private static final String AKS = "azure-native:containerservice:ManagedCluster";

    @Test
    void readsAreRecordedByRuleTypeAndPathWithWhetherTheyResolved() {
        var pools = res(AKS, "c-aks", "{'agentPoolProfiles':[{'name':'system','minCount':1}],'apiServerAccessProfile':{'authorizedIPRanges':['203.0.113.0/24']}}");
        List<InputReads.Read> reads = new ArrayList<>();
        var violations = InputReads.recording(reads::add, () -> PolicyPack.evaluate(stack(RulesTest.TWO_SITES, pools), PolicyConfig.DEFAULTS));

        assertThat(violations).extracting(Violation::rule).contains("production-node-pools-min-two");
        assertThat(reads).contains(
                new InputReads.Read("production-node-pools-min-two", AKS, "agentPoolProfiles", true),
                new InputReads.Read("production-node-pools-min-two", AKS, "agentPoolProfiles[].minCount", true),
                new InputReads.Read("production-node-pools-min-two", AKS, "agentPoolProfiles[].name", true),
                new InputReads.Read("cluster-api-not-open-to-world", AKS, "apiServerAccessProfile.enablePrivateCluster", false));
        assertThat(reads).allSatisfy(r -> assertThat(r.rule()).isNotBlank());
    }

    @Test
    void nothingIsRecordedWithoutAListenerNorOutsideARule() {
        var resource = res(AKS, "c-aks", "{'networkProfile':{'podCidr':'100.65.0.0/16'}}");
        List<InputReads.Read> reads = new ArrayList<>();
        assertThat(resource.input("networkProfile.podCidr").asText()).isEqualTo("100.65.0.0/16");
        InputReads.recording(reads::add, () -> resource.input("networkProfile.podCidr"));
        assertThat(reads).as("a read outside a rule evaluation belongs to no rule").isEmpty();
    }

    @Test
    void hasTellsASetInputFromAnAbsentOneEvenWhenItIsNotKnownYet() {
        var record = res("aws:route53/record:Record", "a-global", "{'setIdentifier':'a','healthCheckId':'" + Unknowns.SENTINEL + "'}");
        assertThat(record.has("setIdentifier")).isTrue();
        assertThat(record.has("healthCheckId")).as("unknown during a preview, but set").isTrue();
        assertThat(record.has("ttl")).isFalse();
        assertThat(record.elements("setIdentifier")).as("not a list").isEmpty();
    }
}
