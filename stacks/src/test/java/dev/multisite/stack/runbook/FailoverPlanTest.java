package dev.multisite.stack.runbook;

import dev.multisite.stack.ExampleStacks;
import dev.multisite.topology.FailoverStepKind;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TrafficSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverPlanTest {

    private static FailoverPlan.Step step(FailoverPlan plan, FailoverStepKind kind) {
        return plan.steps().stream().filter(s -> s.kind().equals(kind.id())).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "data"})
    void everySitesDrainIsTheCommandItsRunbookPrints(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        var runbooks = Runbooks.generate(stack, topology, ExampleStacks.plan(stack));
        for (SiteSpec site : topology.sites()) {
            var plan = FailoverPlan.of(stack, topology, site);
            assertThat(plan.steps().stream().map(FailoverPlan.Step::group).toList()).isSorted();
            assertThat(runbooks.get("site-down-" + site.name() + ".md")).contains(step(plan, FailoverStepKind.DRAIN_DNS).command());
            assertThat(plan.failback().stream().map(FailoverPlan.Step::kind)).contains("restore-site", "undrain");
            assertThat(plan.expectedDnsSeconds()).isEqualTo(step(plan, FailoverStepKind.DETECT).expectedSeconds()
                    + step(plan, FailoverStepKind.DRAIN_DNS).expectedSeconds());
        }
    }

    @Test
    void losingProdsPrimaryFencesThenPromotesTheLargestSameProviderReplicaWithTheDatabaseRunbooksCommands() {
        Topology topology = ExampleStacks.topology("prod");
        var runbook = Runbooks.generate("prod", topology, ExampleStacks.plan("prod")).get("database-primary-failure.md");
        var plan = FailoverPlan.of("prod", topology, topology.site("aws-use1").orElseThrow());
        var fence = step(plan, FailoverStepKind.FENCE_PRIMARY);
        var promote = step(plan, FailoverStepKind.PROMOTE_REPLICA);
        var repoint = step(plan, FailoverStepKind.REPOINT_DATA);
        assertThat(runbook).contains(fence.command(), promote.command());
        assertThat(promote.target()).isEqualTo("aws-euw1");
        assertThat(fence.group()).isLessThan(promote.group());
        assertThat(promote.group()).isLessThan(repoint.group());
        assertThat(repoint.action()).contains("aws-euw1", "gcp-euw4", "az-weu", "metal-fra").doesNotContain("aws-use1,");
        // A site without the primary has no data steps.
        var other = FailoverPlan.of("prod", topology, topology.site("gcp-euw4").orElseThrow());
        assertThat(other.steps().stream().map(FailoverPlan.Step::kind)).doesNotContain("fence-primary", "promote-replica");
    }

    @Test
    void losingAPartitionsAuthorityPromotesThatPartitionsReplica() {
        Topology topology = ExampleStacks.topology("data");
        var runbook = Runbooks.generate("data", topology, ExampleStacks.plan("data")).get("database-primary-failure.md");
        var plan = FailoverPlan.of("data", topology, topology.site("aws-use1").orElseThrow());
        assertThat(runbook).contains(step(plan, FailoverStepKind.FENCE_PRIMARY).command());
        assertThat(step(plan, FailoverStepKind.PROMOTE_REPLICA).target()).isEqualTo("aws-usw2");
        assertThat(step(plan, FailoverStepKind.PROMOTE_REPLICA).command()).startsWith("aws rds promote-read-replica --region us-west-2");
        assertThat(FailoverPlan.of("data", topology, topology.site("gcp-euw4").orElseThrow()).steps().stream()
                .filter(s -> s.kind().equals("promote-replica")).map(FailoverPlan.Step::target)).containsExactly("gcp-euw1");
    }

    @Test
    void evaluationFailsOnAPartitionWithoutReplicaAndOnAnRtoBelowDetectionPlusTtl() {
        Topology data = ExampleStacks.topology("data");
        assertThat(FailoverEvaluation.passed(FailoverEvaluation.evaluate(data, null))).isTrue();

        var data2 = data.data();
        var partitions = data2.partitions().stream().map(p -> p.name().equals("eu")
                ? new dev.multisite.topology.DataSettings.Partition(p.name(), p.authority(), List.of()) : p).toList();
        var noReplica = new Topology(data.domain(), data.environment(), data.peakDemand(), data.sites(), data.traffic(),
                new dev.multisite.topology.DataSettings(data2.mode(), data2.engine(), data2.primary(), data2.replicas(), partitions,
                        data2.instanceClass(), data2.storageGb(), data2.backupRetentionDays(), data2.rpoSeconds(), data2.database(), data2.promote()),
                data.mesh(), data.gitops(), data.network());
        var checks = FailoverEvaluation.evaluate(noReplica, null);
        assertThat(FailoverEvaluation.passed(checks)).isFalse();
        assertThat(checks).filteredOn(c -> c.status() == FailoverEvaluation.Status.FAIL).extracting(FailoverEvaluation.Check::name)
                .containsExactly("replica[eu]");

        // The parser refuses such a stack file (TrafficValidator); the evaluation names it for a topology built in code.
        TrafficSettings t = data.traffic();
        var slow = new Topology(data.domain(), data.environment(), data.peakDemand(), data.sites(),
                new TrafficSettings(t.hostname(), 600, t.routing(), t.healthCheck(), t.rtoSeconds(), t.dns(), t.latencyRegions(), t.geo(), t.ingressClass()),
                data.data(), data.mesh(), data.gitops(), data.network());
        var rto = FailoverEvaluation.evaluate(slow, null);
        assertThat(rto).filteredOn(c -> c.status() == FailoverEvaluation.Status.FAIL).extracting(FailoverEvaluation.Check::name).containsExactly("rto");
        assertThat(rto).filteredOn(c -> c.name().equals("rto")).first().extracting(FailoverEvaluation.Check::detail).asString()
                .contains("600 s TTL", "against rtoSeconds " + t.rtoSeconds());
    }

    @Test
    void theAuthorityCheckUsesTheLiveAnswer() {
        Topology prod = ExampleStacks.topology("prod");
        var unreachable = FailoverEvaluation.evaluate(prod, zone -> false);
        assertThat(unreachable).filteredOn(c -> c.status() == FailoverEvaluation.Status.FAIL).extracting(FailoverEvaluation.Check::name)
                .containsExactly("dns-authority");
        assertThat(FailoverEvaluation.passed(FailoverEvaluation.evaluate(prod, zone -> true))).isTrue();
    }
}
