package dev.multisite.stack.fleet;

import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.MultisiteCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 29: a {@code pulumi} that fails, prints garbage or hangs, in {@code version}, {@code preview},
 * {@code up} or {@code destroy}, under every walking {@code fleet} command. Each run must end within
 * its timeout, exit 1, and say what failed in one line: one stderr line when the CLI itself is
 * unusable, one table row per failed part (the others skipped) when a part's command broke.
 *
 * <p>The CLI runs in this JVM against the stand-in script ({@code src/test/resources/fleet/pulumi},
 * {@code FAKE_PULUMI_BREAK}), reached through a wrapper that sets its environment, named by the
 * {@code multisite.pulumi} property the fleet command reads.
 */
class BrokenPulumiTest {
    private static final long TIMEOUT_SECONDS = 3;
    /** What a run may take beyond the part timeout: JVM work and the stand-in's start-up, on a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(TIMEOUT_SECONDS * 4 + 40);

    @TempDir
    Path tmp;

    private Path state;

    @BeforeEach
    void standIn() throws IOException {
        state = Files.createDirectories(tmp.resolve("state"));
        Files.createDirectories(state.resolve("config"));
    }

    @AfterEach
    void clear() {
        System.clearProperty("multisite.pulumi");
    }

    static Stream<Arguments> breaks() {
        List<Arguments> cases = new ArrayList<>();
        for (String command : List.of("preview", "up", "destroy")) {
            for (String how : List.of("fail", "garbage", "hang")) {
                cases.add(Arguments.of(command, "version", how));
                cases.add(Arguments.of(command, command, how));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "fleet {0} with pulumi {1} that does {2}")
    @MethodSource("breaks")
    void everyFleetCommandEndsWithinItsTimeoutAndSaysWhatFailed(String command, String broken, String how) throws Exception {
        Path stackFile = fleetStack();
        PartGraph graph = PartGraph.of(ExampleStacks.read("dev").topology());
        if (command.equals("destroy")) {
            Files.createDirectories(state.resolve("stacks"));
            for (String part : graph.names()) {
                Files.createFile(state.resolve("stacks").resolve("dev-" + part));
            }
        }
        System.setProperty("multisite.pulumi", wrapper(broken + ":" + how).toString());
        Path work = tmp.resolve("work");
        var out = new StringWriter();
        var err = new StringWriter();

        long start = System.nanoTime();
        int exit = assertTimeoutPreemptively(BOUND, () -> MultisiteCli.run(new String[]{"fleet", command, "--stack-file", stackFile.toString(),
                "--work-dir", work.toString(), "--timeout-seconds", "" + TIMEOUT_SECONDS}, new PrintWriter(out), new PrintWriter(err)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        String what = "fleet " + command + " / " + broken + ":" + how + "\nstdout:\n" + out + "\nstderr:\n" + err;
        assertThat(exit).as(what).isEqualTo(1);
        assertThat(err.toString() + out).as(what).doesNotContain("Exception", "\tat ").doesNotContainPattern("[\\x00-\\x08\\x0e-\\x1f\\x7f\\u202e]");
        if (broken.equals("version")) {
            // Nothing started: one line, and the new --work-dir is gone again.
            assertThat(err.toString().lines().toList()).as(what).singleElement().asString()
                    .startsWith("error: cannot run the pulumi CLI").contains(switch (how) {
                        case "fail" -> "stand-in version failed at start-up";
                        case "garbage" -> "not a version";
                        default -> "did not end within 3 s";
                    });
            assertThat(work).as("%s: the work directory it created is removed", what).doesNotExist();
        } else {
            assertThat(err.toString()).as(what).isEmpty();
            List<String> failedRows = out.toString().lines().filter(l -> l.matches("\\S+\\s+failed\\s+\\d+\\.\\d s\\s+.*")).toList();
            // The first part of the walk fails; every other part waits for it, so it is skipped.
            String first = command.equals("destroy") ? graph.destroyOrder().get(0).name() : graph.parts().get(0).name();
            assertThat(failedRows).as(what).singleElement().asString().startsWith(first).contains(switch (how) {
                case "fail" -> "stand-in " + command + " failed at start-up";
                case "hang" -> "did not end within 3 s";
                default -> "garbage on stderr";
            });
            if (how.equals("garbage") && command.equals("preview")) {
                // The Automation API's own words for a preview without a summary event (WorkspaceStack.preview).
                assertThat(failedRows.get(0)).as(what).contains("No summary of changes for 'preview'");
            }
            assertThat(out.toString()).as(what).contains(command + ": 0 succeeded, 1 failed, " + (graph.parts().size() - 1) + " skipped");
        }
        assertThat(took).as("%s: ended within its timeout", what).isLessThan(BOUND);
        if (how.equals("hang")) {
            assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                    .as("%s: the hung pulumi was stopped with its children", what).isEmpty();
        }
    }

    private Path fleetStack() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("stacks")).resolve("Pulumi.dev.yaml");
        Files.copy(ExampleStacks.file("dev"), copy);
        Files.writeString(state.resolve("config").resolve("dev.json"), """
                {"multisite:topology":{"value":"{}","secret":false}}
                """);
        return copy;
    }

    /** The stand-in, with the environment it reads set by a wrapper (this JVM's environment cannot be changed). */
    private Path wrapper(String broken) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path standIn = bin.resolve("pulumi-stand-in");
        try (InputStream script = BrokenPulumiTest.class.getResourceAsStream("/fleet/pulumi")) {
            assertThat(script).as("stand-in script on the test class path").isNotNull();
            Files.copy(script, standIn);
        }
        Path wrapper = bin.resolve("pulumi");
        Files.writeString(wrapper, "#!/usr/bin/env bash\n"
                + "export FAKE_PULUMI_LOG='" + tmp.resolve("calls.log") + "' FAKE_PULUMI_STATE='" + state + "' FAKE_PULUMI_BREAK='" + broken + "'\n"
                + "exec bash '" + standIn + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }
}
