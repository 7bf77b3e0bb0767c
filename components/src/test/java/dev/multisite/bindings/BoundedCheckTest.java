package dev.multisite.bindings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded wait's script, run by bash as pulumi-command runs it ({@code /bin/bash -c}), with a
 * stand-in probe that counts its attempts in a file instead of asking a cloud.
 */
class BoundedCheckTest {

    @Test
    void passesAsSoonAsTheProbeDoesAndStopsProbing(@TempDir Path dir) throws Exception {
        Path count = dir.resolve("count");
        Result r = run(BoundedCheck.script("", standInProbe(count, 3), 5, 0, 0, "site-a: never"), dir);
        assertThat(r.exit).isZero();
        assertThat(r.stderr).isEmpty();
        assertThat(Files.readString(count).strip()).isEqualTo("3");
    }

    @Test
    void failsWithOneLineAfterTheLastAttempt(@TempDir Path dir) throws Exception {
        Path count = dir.resolve("count");
        Result r = run(BoundedCheck.script("", standInProbe(count, 99), 4, 0, 0, "site-a: role r still not visible"), dir);
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.stderr).isEqualTo("error: site-a: role r still not visible\n");
        assertThat(Files.readString(count).strip()).as("bounded: exactly the attempts asked for").isEqualTo("4");
    }

    @Test
    void runsTheSetupOnceAndSettlesOnlyAfterSuccess() {
        String script = BoundedCheck.script("echo setup\n", "true", 2, 10, 30, "x");
        assertThat(script).startsWith("set -u\necho setup\nfor attempt in $(seq 1 2); do\n")
                .contains("  if true; then\n    sleep 30\n    exit 0\n  fi\n  sleep 10\ndone\n");
        assertThat(BoundedCheck.script("", "true", 2, 10, 0, "x")).doesNotContain("sleep 0");
    }

    /** A stand-in probe: succeeds on attempt {@code passOn}, counting attempts in {@code count}. */
    private static String standInProbe(Path count, int passOn) {
        return "{ n=$(( $(cat '" + count + "' 2>/dev/null || echo 0) + 1 )); echo $n > '" + count + "'; [ $n -ge " + passOn + " ]; }";
    }

    private record Result(int exit, String stderr) {
    }

    private static Result run(String script, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/bash", "-c", script).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
