package dev.multisite.ops.netlab;

import dev.multisite.ops.drill.Drill;
import dev.multisite.ops.drill.DrillSpec;
import dev.multisite.ops.drill.FailureInjector;
import dev.multisite.ops.drill.Observer;
import dev.multisite.ops.drill.ReportWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drills ({@code drill --lab}) in the lab of real components: a site's link is cut, BIND drops it once
 * the checkers agree, and Unbound and Knot Resolver (defaults) are asked as clients ask them.
 * Needs root and the packages .ci/lab-packages installs (CI has both).
 */
class LabDrillTest {
    /**
     * The failover lab's standard checks (1 s, threshold 2, TTL 5 s; Knot Resolver's default cache.min_ttl is 5 s, so a lower
     * TTL is not what its clients see). A cut link fails a probe only when the probe times out: the lab's budget counts that
     * timeout (half-second checks once converged exactly at a budget that left it out).
     */
    private static final NetLabConfig FAST = NetLabConfig.standard().withFlavours(NetLabDrill.FLAVOURS);
    private static NetLab lab;
    private static NetLabDrill drill;
    private static List<Observer> observers;

    @BeforeAll
    static void startLab() throws Exception {
        assertThat(LabRequirements.missing()).as("run .ci/lab-packages as root").isEmpty();
        lab = NetLab.start(FAST, new PrintWriter(new StringWriter()));
        drill = new NetLabDrill(lab);
        observers = drill.observers();
        Thread.sleep(FAST.detection().toMillis() + FAST.checkInterval().toMillis());
    }

    @AfterAll
    static void stopLab() throws Exception {
        lab.close();
        assertThat(LabLeftovers.of(ProcessHandle.current().pid())).as("the lab leaves nothing behind").isEmpty();
    }

    private static DrillSpec spec(String site, FailureInjector injector, Duration budget) {
        return new DrillSpec(site, NetLabConfig.HOSTNAME, injector, observers, Duration.ofMillis(100),
                Duration.ofMillis(500), budget, Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    @Test
    void cuttingASitesLinkConvergesBehindEveryRealResolverWithinTheBudget(@TempDir Path dir) throws Exception {
        var report = new Drill(spec("lab-2", drill.cutLink("lab-2"), FAST.budget()), new PrintWriter(new StringWriter())).run();

        assertThat(report.passed()).as(report.verdict()).isTrue();
        assertThat(report.timeline().stream().filter(o -> o.atMillis() > report.injectedAtMillis()).map(o -> o.observer()).distinct())
                .as("every real resolver was asked during the drill").contains("dns:unbound-default", "dns:kresd-default");
        // The checkers need threshold failures, so no resolver can drop the site sooner than about that.
        assertThat(report.detectionMillis()).isNotNull().isLessThanOrEqualTo(report.convergenceMillis());
        assertThat(report.convergenceMillis()).isGreaterThanOrEqualTo(FAST.detection().toMillis() - FAST.checkInterval().toMillis())
                .isLessThanOrEqualTo(report.budgetMillis());
        assertThat(report.firstSurvivorSuccessMillis()).isNotNull();
        assertThat(report.survivorErrorRate()).as("survivors keep serving while the site is out").isZero();
        assertThat(report.recoveryMillis()).as("the site came back behind every resolver").isNotNull();
        assertThat(NetLab.connects(lab.siteAddress("lab-2"), NetLab.APP_PORT)).as("link restored").isTrue();
        var files = ReportWriter.write(report, dir);
        assertThat(ReportWriter.read(files.get(0))).isEqualTo(report);
        assertThat(Files.readString(files.get(1))).contains("# Failover drill: lab-2", "PASS");
        assertThat(Files.readString(files.get(2))).startsWith("<svg").contains("inject", "restore", "budget");
    }

    @Test
    void aBudgetShorterThanDetectionFails() throws Exception {
        var tooShort = FAST.detection().dividedBy(2);
        var report = new Drill(spec("lab-3", drill.cutLink("lab-3"), tooShort), new PrintWriter(new StringWriter())).run();

        assertThat(report.convergenceMillis()).isNotNull().isGreaterThan(tooShort.toMillis());
        assertThat(report.passed()).isFalse();
        assertThat(report.verdict()).startsWith("FAIL: converged in").contains("over the budget");
        assertThat(report.recoveryMillis()).as("restored after a failed drill too").isNotNull();
    }

    @Test
    void restoreRunsEvenWhenTheInjectionFailsHalfway() throws Exception {
        var cut = drill.cutLink("lab-1");
        var broken = new FailureInjector() {
            @Override
            public String describe() {
                return "cut lab-1, then crash";
            }

            @Override
            public void inject() throws Exception {
                cut.inject();
                throw new IllegalStateException("injector crashed after cutting the link");
            }

            @Override
            public void restore() throws Exception {
                cut.restore();
            }
        };
        var progress = new StringWriter();
        var report = new Drill(spec("lab-1", broken, FAST.budget()), new PrintWriter(progress)).run();

        assertThat(NetLab.connects(lab.siteAddress("lab-1"), NetLab.APP_PORT)).as("restore brought the link back").isTrue();
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
        var report = new Drill(spec("lab-3", stuck, FAST.budget()).withWaits(Duration.ofMillis(500), Duration.ofMillis(500)),
                new PrintWriter(new StringWriter())).run();
        assertThat(report.restored()).isFalse();
        assertThat(report.verdict()).startsWith("FAIL: the site was not restored (restore failed: API said no)");
    }
}
