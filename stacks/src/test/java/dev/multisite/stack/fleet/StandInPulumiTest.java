package dev.multisite.stack.fleet;

import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.MultisiteCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code multisite fleet} end to end through the real Pulumi Automation API, against a stand-in
 * {@code pulumi} (src/test/resources/fleet/pulumi) first on {@code PATH}: the CLI runs in a child
 * JVM, the stand-in records every call (args, cwd, the stack it worked on) and answers what the
 * Automation API reads back (version, config JSON, event log, history).
 */
class StandInPulumiTest {
    /** A secret fleet config value the stand-in "decrypts"; it must reach part stacks as a secret and never the output. */
    static final String SECRET = "tok-9f8e7d-not-for-printing";

    @TempDir
    Path tmp;

    private Path bin;
    private Path state;
    private Path log;
    private Path work;

    @BeforeEach
    void standIn() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        Path pulumi = bin.resolve("pulumi");
        // From the test class path: resource copying does not keep the executable bit.
        try (InputStream script = StandInPulumiTest.class.getResourceAsStream("/fleet/pulumi")) {
            assertThat(script).as("stand-in script on the test class path").isNotNull();
            Files.copy(script, pulumi);
        }
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
        state = Files.createDirectories(tmp.resolve("state"));
        Files.createDirectories(state.resolve("config"));
        log = tmp.resolve("pulumi-calls.log");
        work = tmp.resolve("work");
    }

    /** A copy of a committed example stack file, and the fleet config the stand-in answers for it. */
    private Path fleetStack(String name) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("stacks")).resolve("Pulumi." + name + ".yaml");
        Files.copy(ExampleStacks.file(name), copy);
        Files.writeString(state.resolve("config").resolve(name + ".json"), """
                {"multisite:topology":{"value":"{\\"domain\\":\\"%s.example.com\\"}","secret":false},\
                "multisite:cloudflare-api-token":{"value":"%s","secret":true},\
                "pulumi:disable-default-providers":{"value":"[\\"*\\"]","secret":false}}
                """.formatted(name, SECRET));
        return copy;
    }

    record Run(int exit, String stdout, String stderr, List<Call> calls) {
        String output() {
            return stdout + stderr;
        }

        /** Index in the log of the first record matching. */
        int index(Predicate<Call> match) {
            for (int i = 0; i < calls.size(); i++) {
                if (match.test(calls.get(i))) {
                    return i;
                }
            }
            throw new AssertionError("no such call in the stand-in log:\n" + String.join("\n", calls.stream().map(Call::toString).toList()));
        }

        int started(String command, String stack) {
            return index(c -> c.event.equals("call") && c.command().equals(command) && c.stack.equals(stack));
        }

        int finished(String command, String stack) {
            return index(c -> (c.event.equals("done") || c.event.equals("fail")) && c.command().equals(command) && c.stack.equals(stack));
        }

        List<Call> commands(String command) {
            return calls.stream().filter(c -> c.event.equals("call") && c.command().equals(command)).toList();
        }
    }

    /** One line of the stand-in's log. */
    record Call(String event, Path cwd, String stack, String args) {
        String command() {
            return args.split(" ")[0];
        }
    }

    private Run fleet(Map<String, String> env, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MultisiteCli.class.getName(), "fleet"));
        command.addAll(List.of(args));
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        var builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        environment.put("FAKE_PULUMI_LOG", log.toString());
        environment.put("FAKE_PULUMI_STATE", state.toString());
        environment.remove("PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK");
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("multisite fleet did not finish in 60 s; stdout:\n" + Files.readString(stdout));
        }
        List<Call> calls = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                String[] f = line.split("\t", 4);
                calls.add(new Call(f[0], Path.of(f[1]), f[2], f[3]));
            }
            Files.delete(log);
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr), calls);
    }

    private static String stackOf(String part) {
        return Part.stackName("dev", part);
    }

    @Test
    void upRunsEachPartInItsOwnDirectoryAfterItsDependenciesWithTheFleetConfig() throws Exception {
        Path stackFile = fleetStack("dev");
        PartGraph graph = PartGraph.of(ExampleStacks.read("dev").topology());
        // links exists already, with a key the fleet no longer has.
        Files.createDirectories(state.resolve("stacks"));
        Files.createFile(state.resolve("stacks").resolve(stackOf("links")));
        Path stale = Files.createDirectories(state.resolve("config").resolve(stackOf("links") + ".d")).resolve("multisite:retired");
        Files.writeString(stale, "false\nold");
        var run = fleet(Map.of("FAKE_PULUMI_SLEEP", "0.5"), "up", "--stack-file", stackFile.toString(), "--work-dir", work.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.calls()).as("every call answered").noneMatch(c -> c.event().equals("unsupported"));
        assertThat(run.commands("version")).hasSize(1);
        assertThat(run.commands("config")).filteredOn(c -> c.stack().equals("dev")).singleElement()
                .satisfies(c -> assertThat(c.cwd()).isEqualTo(work.resolve("fleet")));

        for (Part part : graph.parts()) {
            String stack = stackOf(part.name());
            Path dir = work.resolve(part.name());
            assertThat(run.commands("up")).filteredOn(c -> c.stack().equals(stack)).singleElement()
                    .satisfies(c -> assertThat(c.cwd()).as("%s runs in its own directory", part.name()).isEqualTo(dir))
                    // The project's policy pack runs on every part, as the workflows run it on a whole stack.
                    .satisfies(c -> assertThat(c.args()).containsPattern("--policy-pack /\\S+/policies( |$)"));
            assertThat(run.calls()).filteredOn(c -> c.stack().equals(stack)).as("every call for %s", stack)
                    .allSatisfy(c -> assertThat(c.cwd()).isEqualTo(dir));
            for (String dependency : part.dependsOn()) {
                assertThat(run.finished("up", stackOf(dependency))).as("%s deployed before %s starts", dependency, part.name())
                        .isLessThan(run.started("up", stack));
            }
            assertThat(run.stdout().lines()).as(run.stdout()).anyMatch(l -> l.matches(part.name() + "\\s+succeeded\\s+\\d+\\.\\d s\\s+2 create, 1 same"));

            // The part's project file: the project's, with absolute paths and no stackConfigDir.
            String project = Files.readString(dir.resolve("Pulumi.yaml"));
            assertThat(project).doesNotContain("stackConfigDir").contains("name: multisite", "pulumi:disable-default-providers")
                    .containsPattern("binary: /\\S+/stacks/target/multisite-stacks\\.jar");

            // The part stack's config: the fleet's, secret flags kept, plus the two part keys.
            Path config = state.resolve("config").resolve(stack + ".d");
            assertThat(Files.readString(config.resolve("multisite:cloudflare-api-token"))).isEqualTo("true\n" + SECRET);
            assertThat(Files.readString(config.resolve("multisite:topology"))).isEqualTo("false\n{\"domain\":\"dev.example.com\"}");
            assertThat(Files.readString(config.resolve("multisite:part"))).isEqualTo("false\n" + part.name());
            assertThat(Files.readString(config.resolve("multisite:fleetStack"))).isEqualTo("false\ndev");
            assertThat(config.resolve("pulumi:disable-default-providers")).as("project config comes with the project file")
                    .doesNotExist();
        }
        assertThat(stale).as("a key the fleet stack no longer has is removed from the part stack").doesNotExist();
        assertThat(run.commands("stack")).filteredOn(c -> c.args().startsWith("stack init")).extracting(Call::args)
                .as("stacks created once (the fleet stack, which holds the config, too), links already existed")
                .containsExactlyInAnyOrder("stack init dev --non-interactive", "stack init dev-shared --non-interactive", "stack init dev-site-aws-use1 --non-interactive",
                        "stack init dev-site-gcp-euw4 --non-interactive");
        // The two sites are independent: each started before the other finished.
        assertThat(run.started("up", stackOf("site-aws-use1"))).isLessThan(run.finished("up", stackOf("site-gcp-euw4")));
        assertThat(run.started("up", stackOf("site-gcp-euw4"))).isLessThan(run.finished("up", stackOf("site-aws-use1")));
        assertThat(run.stdout()).contains("up: 4 succeeded").matches("(?s).*\\[\\d\\d:\\d\\d:\\d\\d] links: up succeeded in \\d+\\.\\d s.*");
        assertThat(run.output()).doesNotContain(SECRET);
    }

    @Test
    void aFailedSitePartSkipsWhatJoinsTheSitesAndTheOtherSitesStillDeploy() throws Exception {
        Path stackFile = fleetStack("prod");
        PartGraph graph = PartGraph.of(ExampleStacks.read("prod").topology());
        String failing = "site-aws-use1";
        var run = fleet(Map.of("FAKE_PULUMI_FAIL", Part.stackName("prod", failing)),
                "up", "--stack-file", stackFile.toString(), "--work-dir", work.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        List<String> skipped = List.of("wan-attachments", "links", "gitops", "data", "data-endpoints");
        List<String> deployed = graph.names().stream().filter(p -> !skipped.contains(p) && !p.equals(failing)).toList();
        assertThat(deployed).contains("site-aws-euw1", "site-gcp-euw4", "site-az-weu", "site-metal-fra", "wan", "traffic");
        var ups = run.commands("up").stream().map(Call::stack).toList();
        assertThat(ups).containsExactlyInAnyOrderElementsOf(
                graph.names().stream().filter(p -> !skipped.contains(p)).map(p -> Part.stackName("prod", p)).toList());
        for (String part : skipped) {
            assertThat(run.calls()).as("nothing ran for skipped %s", part).noneMatch(c -> c.stack().equals(Part.stackName("prod", part)));
            assertThat(run.stdout().lines()).anyMatch(l -> l.matches(part + "\\s+skipped\\s+-\\s+site-aws-use1 failed(, via .+)?"));
        }
        for (String part : deployed) {
            assertThat(run.stdout().lines()).as(part).anyMatch(l -> l.matches(part + "\\s+succeeded\\s+\\d+\\.\\d s.*"));
        }
        // The stand-in's error echoes the part's config, secret included: the CLI masks it.
        assertThat(run.stdout().lines()).anyMatch(l -> l.matches("site-aws-use1\\s+failed\\s+\\d+\\.\\d s\\s+error: stand-in failure for "
                + "prod-site-aws-use1; .*multisite:cloudflare-api-token=\\[secret].*\\(log: .*up\\.log\\)"));
        assertThat(run.output()).doesNotContain(SECRET);
        assertThat(run.stdout()).contains("up: 7 succeeded, 1 failed, 5 skipped");
        assertThat(Files.readString(work.resolve(failing).resolve("up.log"))).as("the part's pulumi output, kept")
                .contains("error: stand-in failure for prod-site-aws-use1").doesNotContain(SECRET);
    }

    @Test
    void destroyRunsBackwardsAfterTheStacksExist() throws Exception {
        Path stackFile = fleetStack("dev");
        PartGraph graph = PartGraph.of(ExampleStacks.read("dev").topology());
        var up = fleet(Map.of(), "up", "--stack-file", stackFile.toString(), "--work-dir", work.toString());
        assertThat(up.exit()).as(up.output()).isZero();

        var run = fleet(Map.of("FAKE_PULUMI_SLEEP", "0.3"), "destroy", "--stack-file", stackFile.toString(), "--work-dir", work.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.commands("stack")).as("destroy never creates a stack").noneMatch(c -> c.args().startsWith("stack init"));
        assertThat(run.commands("destroy")).hasSize(graph.parts().size())
                .allSatisfy(c -> assertThat(c.cwd().getParent()).isEqualTo(work));
        for (Part part : graph.parts()) {
            for (String dependency : part.dependsOn()) {
                assertThat(run.finished("destroy", stackOf(part.name()))).as("%s destroyed before %s", part.name(), dependency)
                        .isLessThan(run.started("destroy", stackOf(dependency)));
            }
        }
        assertThat(run.stdout()).contains("destroy: 4 succeeded");
        List<String> rows = run.stdout().lines().dropWhile(l -> !l.startsWith("PART")).skip(1).limit(4).map(l -> l.split("\\s+")[0]).toList();
        assertThat(rows).containsExactly("links", "site-gcp-euw4", "site-aws-use1", "shared");
    }

    @Test
    void previewReadsTheEngineEventLogAndAFailureStillEnds() throws Exception {
        Path stackFile = fleetStack("dev");
        var run = fleet(Map.of("FAKE_PULUMI_FAIL", stackOf("site-gcp-euw4")), "preview", "--stack-file", stackFile.toString(),
                "--work-dir", work.toString(), "--parallel", "1");

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.commands("preview")).hasSize(3).allSatisfy(c -> assertThat(c.args()).contains("--event-log "));
        assertThat(run.stdout().lines())
                .anyMatch(l -> l.matches("shared\\s+succeeded\\s+\\d+\\.\\d s\\s+2 create, 1 same"))
                .anyMatch(l -> l.matches("site-gcp-euw4\\s+failed\\s+.*"))
                .anyMatch(l -> l.matches("links\\s+skipped\\s+-\\s+site-gcp-euw4 failed"));
        // --parallel 1: no two previews overlap.
        var previews = run.calls().stream().filter(c -> c.command().equals("preview")).map(Call::event).toList();
        assertThat(previews).containsExactly("call", "done", "call", "done", "call", "fail");
    }

    /**
     * Issue 29: a preview that fails before the CLI writes any engine event. pulumi-java's own
     * command waits for a cancelEvent in the event log that never comes (EventLogWatcher), so this
     * run never ended (the helper gives up after 60 s); it must end at once with the part failed.
     */
    @Test
    void aPreviewThatFailsBeforeWritingAnyEventEndsAtOnce() throws Exception {
        Path stackFile = fleetStack("dev");
        long start = System.nanoTime();
        var run = fleet(Map.of("FAKE_PULUMI_BREAK", "preview:fail"), "preview", "--stack-file", stackFile.toString(),
                "--work-dir", work.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(45));
        assertThat(run.stdout().lines()).as(run.stdout())
                .anyMatch(l -> l.matches("shared\\s+failed\\s+\\d+\\.\\d s\\s+error: stand-in preview failed at start-up \\(log: .*preview\\.log\\)"))
                .anyMatch(l -> l.matches("links\\s+skipped\\s+-\\s+shared failed(, via .+)?"));
        assertThat(run.stdout()).contains("preview: 0 succeeded, 1 failed, 3 skipped");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void anUnknownOnlyPartIsOneErrorLineNamingThePartsAndExit2() throws Exception {
        Path stackFile = fleetStack("dev");
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = MultisiteCli.run(new String[]{"fleet", "up", "--stack-file", stackFile.toString(), "--only", "site-aws-use1", "sites"},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow())
                .isEqualTo("error: --only: 'sites' is not a part of this stack; parts: shared, site-aws-use1, site-gcp-euw4, links");
        assertThat(out.toString()).isEmpty();
        assertThat(log).as("no pulumi call").doesNotExist();
    }

    @Test
    void aMissingPulumiIsOneErrorLine() throws Exception {
        Path stackFile = fleetStack("dev");
        Files.delete(bin.resolve("pulumi"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        var run = fleet(env, "up", "--stack-file", stackFile.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr().strip()).startsWith("error: cannot run the pulumi CLI").doesNotContain("\n").contains("on PATH");
    }
}
