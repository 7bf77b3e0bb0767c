package dev.multisite.ops.netlab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interrupting a lab run at any point leaves nothing behind: the run is a child JVM
 * ({@link LabFailoverMain}) that gets Ctrl-C (SIGINT) while building the lab, SIGTERM (what a CI
 * timeout sends) in the middle of the failover, an error after the lab started, and SIGKILL (no
 * chance to clean up: the next lab's sweep removes what it left).
 */
class LabTeardownTest {
    @Test
    void ctrlCWhileTheLabIsBeingBuiltLeavesNothing(@TempDir Path out) throws Exception {
        var run = start("lab-1", out);
        run.await("lab /tmp");
        Thread.sleep(2500);
        Commands.run("kill", "-INT", String.valueOf(run.process.pid()));
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(LabLeftovers.of(run.process.pid())).isEmpty();
    }

    @Test
    void sigtermInTheMiddleOfTheFailoverLeavesNothing(@TempDir Path out) throws Exception {
        var run = start("lab-1", out);
        run.await("fault: cut the link");
        run.process.destroy(); // SIGTERM
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(LabLeftovers.of(run.process.pid())).isEmpty();
    }

    @Test
    void anErrorAfterTheLabStartedLeavesNothing(@TempDir Path out) throws Exception {
        var run = start("lab-9", out);
        assertThat(run.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process.exitValue()).isNotZero();
        assertThat(run.lines).anyMatch(l -> l.startsWith("lab ready"));
        assertThat(LabLeftovers.of(run.process.pid())).isEmpty();
    }

    @Test
    void aSigkilledLabIsSweptByTheNextOne(@TempDir Path out) throws Exception {
        var run = start("lab-1", out);
        run.await("lab ready");
        run.process.destroyForcibly(); // SIGKILL: no hook runs
        assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(LabLeftovers.of(run.process.pid())).as("SIGKILL leaves the lab behind").isNotEmpty();
        NetLab.sweepStale(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        // The child JVMs exit when their pipe closes; the swept daemons' processes may take a moment to be reaped.
        Waits.until("leftovers gone", java.time.Duration.ofSeconds(15), () -> {
            try {
                return LabLeftovers.of(run.process.pid()).isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(LabLeftovers.of(run.process.pid())).isEmpty();
    }

    private static final class Run {
        final Process process;
        final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();

        Run(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (var in = process.inputReader()) {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        lines.add(l);
                        queue.add(l);
                    }
                } catch (IOException | java.io.UncheckedIOException ended) {
                    // The child is gone.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String line = queue.poll(1, TimeUnit.SECONDS);
                if (line != null && line.trim().replaceFirst("^\\+[0-9.]+s ", "").startsWith(prefix)) {
                    return;
                }
                if (line == null && !process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("the lab never printed '" + prefix + "'; it printed " + lines);
        }
    }

    private static Run start(String site, Path out) throws IOException {
        assertThat(LabRequirements.missing()).as("run .ci/lab-packages as root").isEmpty();
        var command = List.of(Commands.javaBinary().toString(), "-cp", System.getProperty("java.class.path"),
                LabFailoverMain.class.getName(), site, out.toString());
        return new Run(new ProcessBuilder(command).redirectErrorStream(true).start());
    }
}
