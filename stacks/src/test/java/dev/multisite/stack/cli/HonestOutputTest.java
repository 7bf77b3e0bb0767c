package dev.multisite.stack.cli;

import dev.multisite.stack.ExampleStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29, "outputs are honest": a standard output that cannot be written (a full disk:
 * {@code /dev/full} answers every write with ENOSPC) ends with exit 1 and one line, never exit 0
 * with nothing written; and the launcher refuses a working directory that no longer exists before
 * it starts Java.
 */
class HonestOutputTest {

    private static Run toDevFull(String... args) throws Exception {
        var err = new StringWriter();
        try (var full = new PrintWriter(new FileOutputStream("/dev/full"), true)) {
            int code = MultisiteCli.run(args, full, new PrintWriter(err));
            return new Run(code, err.toString());
        }
    }

    record Run(int code, String err) {
    }

    @Test
    void schemaToAFullDiskExitsOneWithOneLine() throws Exception {
        var run = toDevFull("schema");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("error: standard output could not be written");
    }

    @Test
    void partsJsonToAFullDiskExitsOneWithOneLine() throws Exception {
        var run = toDevFull("parts", "--stack-file", ExampleStacks.file("prod").toString(), "--json");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("error: standard output could not be written");
    }

    @Test
    void theSameCommandsToAWritableOutputExitZero() throws Exception {
        var out = new StringWriter();
        int code = MultisiteCli.run(new String[]{"parts", "--stack-file", ExampleStacks.file("prod").toString(), "--json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("[{\"name\":");
    }

    @Test
    void theLauncherRefusesADeletedWorkingDirectoryBeforeJava(@TempDir Path tmp) throws Exception {
        Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("multisite");
        assertThat(launcher).isRegularFile();
        Path gone = Files.createDirectory(tmp.resolve("gone"));
        // cd into it, delete it, then run the launcher from there (java is never reached: no PATH to it).
        var process = new ProcessBuilder("bash", "-c", "cd \"$0\" && rmdir \"$0\" && PATH=/usr/bin:/bin exec bash \"$1\" --help", gone.toString(),
                launcher.toString()).redirectErrorStream(false).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.exitValue()).as(err).isEqualTo(2);
        assertThat(err.lines().filter(l -> l.startsWith("error:")).toList()).singleElement().asString()
                .contains("working directory no longer exists");
        assertThat(err).doesNotContain("Exception", "\tat ");
    }
}
