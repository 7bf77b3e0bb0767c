package dev.multisite.stack.cli;

import dev.multisite.stack.ExampleStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class FailoverCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "data"})
    void planWithoutSiteListsEverySite(String stack) {
        var r = run("failover", "plan", "--stack-file", ExampleStacks.file(stack).toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (var site : ExampleStacks.topology(stack).sites()) {
            assertThat(r.out()).contains("# Failover plan: losing `" + site.name() + "`");
        }
        assertThat(r.out()).contains("| 2 | drain-dns |", "## Failback");
    }

    @Test
    void evaluateNamesThePartitionWithoutReplicaAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.data.yaml");
        Files.writeString(file, Files.readString(ExampleStacks.file("data")).replace("replicas: [gcp-euw1]", "replicas: []"));
        var r = run("failover", "evaluate", "--stack-file", file.toString(), "--offline");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL replica[eu]: partition eu (write authority gcp-euw4) has no replica", "FAILED replica[eu]");
        assertThat(run("failover", "evaluate", "--stack-file", ExampleStacks.file("data").toString(), "--offline").code()).isZero();
    }

    @Test
    void aStackWhoseTtlPlusDetectionExceedsTheRtoIsRefusedNamingTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.prod.yaml");
        Files.writeString(file, Files.readString(ExampleStacks.file("prod")).replace("rtoSeconds: 60", "rtoSeconds: 20"));
        assertThat(Files.readString(file)).contains("rtoSeconds: 20");
        var r = run("failover", "evaluate", "--stack-file", file.toString(), "--offline");
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: traffic.rtoSeconds").contains("= 25 s, over the budget of 20 s");
    }

    @Test
    void badOptionsUnknownSitesAndMissingPackagesGiveOneLineAndExitTwoBeforeAnythingStarts() {
        String owner = "msl" + ProcessHandle.current().pid() + "-";
        assertOneLine(run("failover", "run", "--lab", "--site", "lab-9"), "error: --site: no lab site 'lab-9'; the lab has lab-1, lab-2, lab-3");
        assertOneLine(run("failover", "run", "--lab", "--fault", "melt"), "error: --fault: 'melt' is not a fault");
        assertOneLine(run("failover", "run", "--lab", "--stack", "prod"), "error: choose one: --lab, or --stack");
        assertOneLine(run("failover", "plan", "--stack", "prod", "--site", "aws-use9"), "error: --site: 'aws-use9' is not a site of stack prod");
        assertOneLine(run("failover", "run", "--stack", "prod", "--site", "aws-use1", "--no-dry-run"), "error: --no-dry-run: executing cloud steps is not built yet");
        // A machine without the packages (a stand-in: the search path points at an empty place).
        System.setProperty("multisite.lab.path", "/nonexistent-multisite-lab-path");
        try {
            assertOneLine(run("failover", "run", "--lab"), "error: the failover lab needs 'ip' from the Debian package iproute2");
        } finally {
            System.clearProperty("multisite.lab.path");
        }
        assertThat(dev.multisite.stack.cli.FailoverCommandTest.namespaces()).doesNotContain(owner);
    }

    @Test
    void aStackRunIsADryRunOfThePlan() {
        var r = run("failover", "run", "--stack", "prod", "--site", "aws-use1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("dry run: nothing is executed").contains("[group 2] fence-primary", "[group 3] promote-replica",
                "aws rds promote-read-replica");
    }

    @Test
    void aStackRunWithOutputsShowsTheSdkRequestsAndWarnsThatPromotionIsOneWay(@TempDir Path dir) throws Exception {
        Path outputs = dir.resolve("outputs.json");
        Files.writeString(outputs, "{\"globalHostname\": \"app.example.org\", \"drainSwitches\": {\"aws-use1\": \"hc-drain-1\"},"
                + " \"databaseInstances\": {\"aws-usw2/default\": \"aws-usw2-db-abc\"}}");
        var ok = run("failover", "run", "--stack", "data", "--site", "aws-use1", "--outputs", outputs.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("dry run: nothing is sent", "WARNING: this run cannot restore what it changes",
                "UpdateHealthCheckRequest(HealthCheckId=hc-drain-1, Inverted=true)", "PromoteReadReplicaRequest(DBInstanceIdentifier=aws-usw2-db-abc)");
        assertThat(ok.out().indexOf("WARNING")).isLessThan(ok.out().indexOf("[group 1]"));
    }

    private static void assertOneLine(PlanCommandTest.Run r, String start) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(start);
        assertThat(r.err().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    static String namespaces() {
        try {
            var p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes());
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
