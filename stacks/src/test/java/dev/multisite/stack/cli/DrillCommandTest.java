package dev.multisite.stack.cli;

import dev.multisite.ops.drill.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class DrillCommandTest {

    @Test
    void labDrillOfOneSitePassesAndWritesReportsThatParse(@TempDir Path dir) throws Exception {
        // Intervals long enough that a loaded 2-CPU machine's scheduling jitter stays inside the budget's slack.
        var r = run("drill", "--lab", "--site", "lab-2", "--interval-ms", "500", "--threshold", "2", "--ttl-ms", "500",
                "--out", dir.toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("inject at", "restored at", "lab-2: PASS");
        var report = ReportWriter.read(dir.resolve("drill-lab-2.json"));
        assertThat(report.passed()).isTrue();
        assertThat(report.convergenceMillis()).isLessThanOrEqualTo(report.budgetMillis());
        assertThat(dir.resolve("drill-lab-2.md")).exists();
        assertThat(dir.resolve("drill-lab-2.svg")).exists();
    }

    @Test
    void aBudgetTheLabCannotMeetFailsWithExitOne(@TempDir Path dir) {
        var r = run("drill", "--lab", "--site", "lab-1", "--interval-ms", "300", "--threshold", "3", "--ttl-ms", "300",
                "--budget-ms", "200", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("lab-1: FAIL");
    }

    @Test
    void aLabOfOneSiteIsRejected() {
        var r = run("drill", "--lab", "--lab-sites", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--lab-sites: 1 is outside 2..50");
    }

    @Test
    void anUnknownLabSiteIsRejected() {
        var r = run("drill", "--lab", "--site", "lab-9", "--interval-ms", "100", "--threshold", "1");
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
