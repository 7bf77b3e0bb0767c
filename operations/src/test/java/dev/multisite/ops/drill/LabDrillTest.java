package dev.multisite.ops.drill;

import dev.multisite.ops.lab.Lab;
import dev.multisite.ops.lab.LabConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Real drills against a real local lab: HTTP sites, a DNS server and caching resolvers on loopback. */
class LabDrillTest {
    private static final LabConfig FAST = new LabConfig(3, Duration.ofMillis(200), 2, Duration.ofMillis(300), 3, "app.lab.test");
    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = new Lab(FAST);
        Thread.sleep(FAST.detection().toMillis() + 100);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    private static DrillSpec spec(String site, FailureInjector injector, Duration budget) {
        return new DrillSpec(site, FAST.hostname(), injector, lab.observers(), Duration.ofMillis(50),
                Duration.ofMillis(300), budget, Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void drainingEachSiteInTurnConvergesWithinTheBudget(@TempDir Path dir) throws Exception {
        for (var site : lab.sites()) {
            var report = new Drill(spec(site.name(), lab.failSite(site.name()), FAST.budget()), new PrintWriter(new StringWriter())).run();

            assertThat(report.passed()).as(report.verdict()).isTrue();
            assertThat(report.detectionMillis()).isNotNull().isLessThanOrEqualTo(report.convergenceMillis());
            assertThat(report.convergenceMillis()).isGreaterThanOrEqualTo(FAST.detection().toMillis() / 2)
                    .isLessThanOrEqualTo(FAST.budget().toMillis());
            assertThat(report.firstSurvivorSuccessMillis()).isNotNull();
            assertThat(report.survivorErrorRate()).as("survivors keep serving while the site is drained").isZero();
            assertThat(report.recoveryMillis()).as("the site came back in every resolver").isNotNull();
            assertThat(site.serving()).isTrue();

            var files = ReportWriter.write(report, dir);
            assertThat(ReportWriter.read(files.get(0))).isEqualTo(report);
            assertThat(Files.readString(files.get(1))).contains("# Failover drill: " + site.name(), "PASS");
            assertThat(Files.readString(files.get(2))).startsWith("<svg").contains("inject", "restore", "budget");
        }
    }

    @Test
    void aSlowerSetupThanTheBudgetAssumesFailsTheBudget() throws Exception {
        var slow = new LabConfig(3, Duration.ofMillis(400), 3, Duration.ofMillis(800), 2, "slow.lab.test");
        try (Lab slowLab = new Lab(slow)) {
            Thread.sleep(slow.detection().toMillis() + 100);
            var spec = new DrillSpec("lab-2", slow.hostname(), slowLab.failSite("lab-2"), slowLab.observers(), Duration.ofMillis(50),
                    Duration.ofMillis(200), FAST.budget(), Duration.ofSeconds(5), Duration.ofSeconds(5));
            var report = new Drill(spec, new PrintWriter(new StringWriter())).run();

            assertThat(report.convergenceMillis()).isNotNull().isGreaterThan(FAST.budget().toMillis());
            assertThat(report.passed()).isFalse();
            assertThat(report.verdict()).startsWith("FAIL: converged in").contains("over the budget");
        }
    }

    @Test
    void restoreRunsEvenWhenTheInjectionFailsHalfway() throws Exception {
        var site = lab.site("lab-1");
        var failing = lab.failSite("lab-1");
        var broken = new FailureInjector() {
            @Override
            public String describe() {
                return "fail lab-1, then crash";
            }

            @Override
            public void inject() throws Exception {
                failing.inject();
                throw new IllegalStateException("injector crashed after failing the site");
            }

            @Override
            public void restore() throws Exception {
                failing.restore();
            }
        };
        var progress = new StringWriter();
        var report = new Drill(spec("lab-1", broken, FAST.budget()), new PrintWriter(progress)).run();

        assertThat(site.serving()).as("restore ran").isTrue();
        assertThat(report.restored()).isTrue();
        assertThat(report.passed()).isFalse();
        assertThat(progress.toString()).contains("drill error: injector crashed", "restored at");
    }

    @Test
    void aRestoreThatFailsIsReportedAsNotRestored() throws Exception {
        var stuck = new FailureInjector() {
            @Override
            public String describe() {
                return "a switch that will not flip back";
            }

            @Override
            public void inject() {
            }

            @Override
            public void restore() {
                throw new IllegalStateException("API said no");
            }
        };
        var report = new Drill(spec("lab-3", stuck, FAST.budget()).withWaits(Duration.ofMillis(500), Duration.ofMillis(500)), new PrintWriter(new StringWriter())).run();
        assertThat(report.restored()).isFalse();
        assertThat(report.verdict()).startsWith("FAIL: the site was not restored (restore failed: API said no)");
    }
}
