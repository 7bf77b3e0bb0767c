package dev.multisite.ops.netlab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full failover of the 3-site lab of real components (BIND, Unbound, Knot Resolver, PostgreSQL
 * 15 primary and streaming replica, in network namespaces), losing the site that holds the primary.
 * Needs root and the packages .ci/lab-packages installs (CI has both).
 */
class LabFailoverTest {
    @Test
    void losingThePrimarysSiteConvergesBehindDefaultResolversAndResumesWritesOnThePromotedReplica(@TempDir Path out) throws Exception {
        assertThat(LabRequirements.missing()).as("run .ci/lab-packages as root").isEmpty();
        long started = System.nanoTime();
        var log = new StringWriter();
        var config = NetLabConfig.standard();
        FailoverRunReport report;
        List<Long> heldByNewPrimary;
        try (var lab = NetLab.start(config, new PrintWriter(log))) {
            report = new LabFailoverRun(lab, config.primarySite(), LabFailoverRun.Fault.CUT_LINK).run();
            heldByNewPrimary = lab.database().present(config.replicaSite(), report.commits().stream().map(CommitWriter.Commit::id).toList());
            assertThat(lab.database().inRecovery(config.replicaSite())).as("the replica was promoted").isFalse();
        }
        long tookSeconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(tookSeconds).as("the lab test takes under 3 minutes").isLessThan(180);
        assertThat(report.newPrimary()).isEqualTo("lab-2");
        assertThat(report.stepsOk()).as(log.toString()).isTrue();
        // Order: nothing promoted before the fence; nothing repointed before the promotion.
        var steps = report.steps();
        StepResult fence = step(report, "fence-primary");
        StepResult promote = step(report, "promote-replica");
        StepResult repoint = step(report, "repoint-data");
        assertThat(promote.startMillis()).isGreaterThanOrEqualTo(fence.endMillis());
        assertThat(repoint.startMillis()).isGreaterThanOrEqualTo(promote.endMillis());
        assertThat(steps.stream().map(StepResult::group).toList()).isSorted();
        assertThat(step(report, "move-hub").skipped()).contains("no GitOps hub");

        assertThat(report.detectionMillis()).isNotNull()
                .isGreaterThanOrEqualTo(config.detection().toMillis() - config.checkInterval().toMillis())
                .isLessThanOrEqualTo(report.budgetMillis());
        for (var flavour : List.of(ResolverFlavour.UNBOUND_DEFAULT, ResolverFlavour.KRESD_DEFAULT)) {
            FlavourResult r = flavour(report, flavour);
            assertThat(r.withinBudget()).as(r.label() + ": " + r.why()).isTrue();
            assertThat(r.convergenceMillis()).isGreaterThanOrEqualTo(report.detectionMillis()).isLessThanOrEqualTo(report.budgetMillis());
            assertThat(r.maxTtl()).as("defaults hand out the zone's TTL").isLessThanOrEqualTo(config.ttlSeconds());
        }
        FlavourResult minTtl = flavour(report, ResolverFlavour.UNBOUND_CACHE_MIN_TTL_300);
        assertThat(minTtl.withinBudget()).isFalse();
        assertThat(minTtl.maxTtl()).isGreaterThan(config.ttlSeconds()).isLessThanOrEqualTo(300);
        assertThat(minTtl.why()).contains("cache-min-ttl: 300", "TTL of " + minTtl.maxTtl() + " s", "zone's TTL is 5 s");
        assertThat(report.passed()).isFalse();
        assertThat(report.verdict()).startsWith("FAIL").contains("cache-min-ttl");

        assertThat(report.writesResumedMillis()).as("writes resume on the promoted replica").isNotNull()
                .isGreaterThanOrEqualTo(promote.endMillis() - 50).isLessThanOrEqualTo(report.budgetMillis());
        assertThat(report.commitsAcknowledged()).isGreaterThan(10);
        // Commits lost, recounted from the promoted database directly.
        var held = new HashSet<>(heldByNewPrimary);
        long lost = report.commits().stream().filter(c -> c.site().equals("lab-1") && !held.contains(c.id())).count();
        assertThat(report.commitsLost()).isEqualTo((int) lost);
        assertThat(report.commits().stream().filter(c -> c.site().equals("lab-2")).allMatch(c -> held.contains(c.id()))).isTrue();

        var files = FailoverReportWriter.write(report, out);
        assertThat(FailoverReportWriter.read(files.get(0))).isEqualTo(report);
        assertThat(Files.readString(files.get(1))).contains("# Failover of lab-1", "Knot Resolver, defaults", "commits lost (RPO, counted)");
        assertThat(Files.readString(files.get(2))).contains("seconds after the fault", "write acknowledged by the new primary");

        assertThat(LabLeftovers.of(ProcessHandle.current().pid())).isEmpty();
    }

    private static StepResult step(FailoverRunReport report, String id) {
        return report.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static FlavourResult flavour(FailoverRunReport report, ResolverFlavour flavour) {
        return report.flavours().stream().filter(f -> f.flavour() == flavour).findFirst().orElseThrow();
    }
}
