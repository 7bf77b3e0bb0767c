package dev.multisite.stack.cli;

import dev.multisite.ops.drill.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    /** Bad options: exit 2 and one line naming the problem, before the lab or any network call starts. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(List.of("--lab", "--ttl-seconds", "0"), "--ttl-seconds: 0 is outside 1..3600 (seconds)"),
                // The old millisecond TTL option is gone.
                Arguments.of(List.of("--lab", "--ttl-ms", "500"), "--ttl-ms"),
                Arguments.of(List.of("--lab", "--lab-sites", "1"), "--lab-sites: 1 is outside 2..20"),
                Arguments.of(List.of("--lab", "--site", "lab-9", "--interval-ms", "500", "--threshold", "1"), "no lab site 'lab-9'"),
                Arguments.of(List.of("--lab", "--stack", "prod"), "choose one: --lab, or --stack"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void badOptionsAreRejectedBeforeAnythingStarts(List<String> options, String error) {
        var args = new ArrayList<>(List.of("drill"));
        args.addAll(options);
        var r = run(args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(error);
        assertThat(r.out()).doesNotContain("lab ");
    }

    @Test
    void aCloudDrillOfAnUnknownSiteIsRejectedBeforeAnyNetworkCall(@TempDir Path dir) throws Exception {
        var r = run("drill", "--stack", "prod", "--outputs", outputsWithHostnameOnly(dir), "--site", "aws-use9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--site: 'aws-use9' is not a site of stack prod");
    }

    @Test
    void aCloudDrillNeedsTheTrafficOutputs(@TempDir Path dir) throws Exception {
        var r = run("drill", "--stack", "prod", "--outputs", outputsWithHostnameOnly(dir), "--site", "aws-use1", "--injector", "route53");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("stack output 'drainSwitches' is missing");
    }

    /** `pulumi stack output --json` of a stack with a global hostname and no traffic outputs. */
    private static String outputsWithHostnameOnly(Path dir) throws Exception {
        Path outputs = dir.resolve("outputs.json");
        Files.writeString(outputs, "{\"globalHostname\": \"app.example.com\"}");
        return outputs.toString();
    }
}
