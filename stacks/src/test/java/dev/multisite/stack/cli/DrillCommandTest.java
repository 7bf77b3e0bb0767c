package dev.multisite.stack.cli;

import dev.multisite.ops.drill.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class DrillCommandTest {

    @Test
    void labDrillOfOneSiteRunsOnTheRealLabPassesAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        // The failover lab's standard checks (1 s, threshold 2, TTL 5 s): the budget is 2 + 1 + 5 = 8 s plus the checkers'
        // 0.8 s probe timeout (a cut link fails a probe only when the probe times out).
        var r = run("drill", "--lab", "--site", "lab-2", "--interval-ms", "1000", "--threshold", "2", "--ttl-seconds", "5",
                "--out", dir.toString());
        long tookSeconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // The progress names the real components: BIND, the checkers and the resolvers it drills behind.
        assertThat(r.out()).contains("lab ready:", "BIND", "dns:unbound-default=", "dns:kresd-default=", "cut the link of lab-2",
                "inject at", "restored at", "lab-2: PASS");
        var report = ReportWriter.read(dir.resolve("drill-lab-2.json"));
        assertThat(report.passed()).isTrue();
        assertThat(report.budgetMillis()).isEqualTo(8_800);
        assertThat(report.convergenceMillis()).isLessThanOrEqualTo(report.budgetMillis());
        assertThat(report.recoveryMillis()).isNotNull();
        assertThat(dir.resolve("drill-lab-2.md")).exists();
        assertThat(dir.resolve("drill-lab-2.svg")).exists();
        assertThat(tookSeconds).as("well under the lab's 3 minutes").isLessThan(120);
        long pid = ProcessHandle.current().pid();
        // NetLab names everything msl<pid>-... and works in <tmp>/multisite-lab-<pid>; none of it may outlive the drill.
        var namespaces = new String(new ProcessBuilder("ip", "netns", "list").start().getInputStream().readAllBytes());
        assertThat(namespaces).doesNotContain("msl" + pid + "-");
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "multisite-lab-" + pid)).doesNotExist();
    }

    @Test
    void aTtlBelowOneSecondIsRejectedBeforeAnythingStarts() {
        var r = run("drill", "--lab", "--ttl-seconds", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--ttl-seconds: 0 is outside 1..3600 (seconds)");
        assertThat(r.out()).doesNotContain("lab ");
    }

    @Test
    void theOldMillisecondTtlOptionIsGone() {
        var r = run("drill", "--lab", "--ttl-ms", "500");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--ttl-ms");
    }

    @Test
    void aLabOfOneSiteIsRejected() {
        var r = run("drill", "--lab", "--lab-sites", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--lab-sites: 1 is outside 2..20");
    }

    @Test
    void anUnknownLabSiteIsRejected() {
        var r = run("drill", "--lab", "--site", "lab-9", "--interval-ms", "500", "--threshold", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no lab site 'lab-9'");
    }

    @Test
    void aCloudDrillOfAnUnknownSiteIsRejectedBeforeAnyNetworkCall(@TempDir Path dir) throws Exception {
        Path outputs = dir.resolve("outputs.json");
        java.nio.file.Files.writeString(outputs, "{\"globalHostname\": \"app.example.com\"}");
        var r = run("drill", "--stack", "prod", "--outputs", outputs.toString(), "--site", "aws-use9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--site: 'aws-use9' is not a site of stack prod");
    }

    @Test
    void aCloudDrillNeedsTheTrafficOutputs(@TempDir Path dir) throws Exception {
        Path outputs = dir.resolve("outputs.json");
        java.nio.file.Files.writeString(outputs, "{\"globalHostname\": \"app.example.com\"}");
        var r = run("drill", "--stack", "prod", "--outputs", outputs.toString(), "--site", "aws-use1", "--injector", "route53");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("stack output 'drainSwitches' is missing");
    }

    @Test
    void labAndStackAreExclusive() {
        var r = run("drill", "--lab", "--stack", "prod");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("choose one: --lab, or --stack");
    }
}
