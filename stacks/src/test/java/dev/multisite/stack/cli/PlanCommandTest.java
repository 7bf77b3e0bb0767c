package dev.multisite.stack.cli;

import dev.multisite.stack.ExampleStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `multisite plan` end to end: exit codes, stderr and the plan file, on good and broken stack files. */
class PlanCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = MultisiteCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void plansAnExampleStackAndWritesThePreviewJson(@TempDir Path dir) {
        Path json = dir.resolve("out.json");
        Run r = run("plan", "--stack-file", ExampleStacks.file("prod").toString(), "--json", json.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("site aws-use1 (aws, us-east-1, capacity 120)", "site metal-fra (existing, fra-dc1, capacity 80)",
                "kubeconfigs: \"[secret]\"");
        assertThat(json).exists();
    }

    static Stream<Arguments> brokenProd() {
        return Stream.of(
                Arguments.of("duplicate name", "- name: aws-euw1", "- name: aws-use1", "sites[1].name: 'aws-use1' is already used by sites[0]"),
                Arguments.of("overlapping CIDRs", "podCidr: 100.66.0.0/16", "podCidr: 100.65.0.0/16", "sites[aws-euw1].network.podCidr: 100.65.0.0/16 overlaps aws-use1's network.podCidr"),
                Arguments.of("cluster id 0", "clusterId: 3", "clusterId: 0", "sites[gcp-euw4].mesh.clusterId: 0 is out of range"),
                Arguments.of("cluster id 256", "clusterId: 3", "clusterId: 256", "sites[gcp-euw4].mesh.clusterId: 256 is out of range"),
                Arguments.of("duplicate cluster id", "clusterId: 4", "clusterId: 1", "sites[az-weu].mesh.clusterId: 1 is already used by aws-use1"),
                Arguments.of("unknown provider", "provider: azure", "provider: oracle", "sites[az-weu].provider: 'oracle' is not allowed; use one of aws, gcp, azure, existing"),
                Arguments.of("misspelled key", "serviceCidr: 172.16.48.0/20", "servceCidr: 172.16.48.0/20", "sites[gcp-euw4].network.servceCidr: unknown key; did you mean 'serviceCidr'?"),
                Arguments.of("missing region", "        region: europe-west4\n", "", "sites[gcp-euw4].region: required"),
                Arguments.of("wrong type", "capacity: 120", "capacity: lots", "sites[aws-use1].capacity: expected a whole number, got the string 'lots'"),
                Arguments.of("version as number", "version: \"1.35\"\n        existing", "version: 1.35\n        existing", "sites[metal-fra].kubernetes.version: expected a string (quote it)"),
                Arguments.of("broken YAML", "    sites:\n", "    sites: [\n", "not valid YAML"),
                Arguments.of("plain-text kubeconfig", "    secure: v1:AAABAMultisiteExamplePlaceholderNotARealCiphertext", "    plain: oops",
                        "sites[metal-fra].existing.kubeconfig: config key multisite:metal-fra-kubeconfig holds the value in plain text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenProd")
    void brokenVariantsOfProdExitTwoWithOneLineNamingSiteAndField(String what, String from, String to, String expected,
                                                                  @TempDir Path dir) throws Exception {
        String prod = Files.readString(ExampleStacks.file("prod"));
        assertThat(prod).as("fixture anchor for %s", what).contains(from);
        Path broken = dir.resolve("Pulumi.broken.yaml");
        Files.writeString(broken, prod.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        Path json = dir.resolve("out.json");

        Run r = run("plan", "--stack-file", broken.toString(), "--json", json.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("error: ").contains(expected);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(json).doesNotExist();
    }

    @Test
    void oneSiteOnlyIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.one.yaml");
        Files.writeString(file, """
                config:
                  multisite:topology:
                    domain: example.com
                    sites:
                      - name: only
                        provider: existing
                        region: fra-dc1
                        capacity: 10
                        network: {vpcCidr: 10.1.0.0/16, podCidr: 100.65.0.0/16, serviceCidr: 172.16.16.0/20}
                        mesh: {clusterId: 1}
                        kubernetes: {version: "1.31"}
                        existing: {kubeconfig: only-kubeconfig}
                  multisite:only-kubeconfig:
                    secure: v1:abc
                """);
        Run r = run("plan", "--stack-file", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: sites: 1 site(s) declared; active-active needs at least 2 sites\n");
    }

    @Test
    void withoutAStackPlansTheEmbeddedExampleWhichMatchesTheCommittedFile() throws Exception {
        Run r = run("plan");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Plan for stack 'prod'");
        try (var in = getClass().getClassLoader().getResourceAsStream("examples/Pulumi.prod.yaml")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(ExampleStacks.file("prod")));
        }
    }

    @Test
    void missingStackFileIsAClearError() {
        Run r = run("plan", "--stack-file", "does/not/exist.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does/not/exist.yaml: no such stack file");
    }

    @Test
    void stackAndStackFileAreMutuallyExclusive() {
        Run r = run("plan", "--stack", "prod", "--stack-file", "x.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plan", "init"})
    void everyCommandHasHelp(String command) {
        Run r = command.isEmpty() ? run("--help") : run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: multisite");
    }

    @Test
    void initWritesAStackFileThatPlans(@TempDir Path dir) {
        Path file = dir.resolve("Pulumi.gen.yaml");
        assertThat(run("init", "--sites", "7", "--out", file.toString()).code()).isZero();
        Run r = run("plan", "--stack-file", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("across 7 sites");
    }

    @Test
    void initWritesEverySitesAsnExplicitlyAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.gen.yaml");
        assertThat(run("init", "--sites", "9", "--out", file.toString()).code()).isZero();
        assertThat(java.nio.file.Files.readString(file)).startsWith("# Generated by `multisite init`")
                .contains("replaces its Transit Gateway / Cloud Router / VPN gateway");
        var sites = dev.multisite.stack.plan.StackFile.read(file).topology().sites();
        assertThat(sites).hasSize(9).allSatisfy(site -> {
            assertThat(site.network().asn()).as("sites[%s].network.asn", site.name()).isNotNull();
            assertThat(site.asn()).isEqualTo(64512L + site.mesh().clusterId());
        });
    }

    @Test
    void initRejectsTooManySites() {
        Run r = run("init", "--sites", "64");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--sites 64 is outside 2..63");
    }
}
