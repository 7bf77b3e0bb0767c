package dev.multisite.ops.netlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the short commands that build and tear down the lab ({@code ip}, {@code initdb}, ...), each bounded in time. */
final class Commands {
    private Commands() {
    }

    /** Runs a command to completion (at most {@code seconds}); a non-zero exit is an {@link IOException} quoting its output. */
    static String run(int seconds, List<String> command) throws IOException {
        // From "/": PostgreSQL's programs run as postgres, which may not enter the caller's directory.
        Process p = new ProcessBuilder(command).directory(new java.io.File("/")).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + seconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.lines().reduce((a, b) -> b).orElse(""));
        }
        return out;
    }

    static String run(String... command) throws IOException {
        return run(30, List.of(command));
    }

    /** Runs without failing: for teardown, where every step must be tried. */
    static void quietly(String... command) {
        try {
            run(10, List.of(command));
        } catch (IOException ignored) {
            // Already gone, or never made: teardown carries on.
        }
    }

    /** The command prefixed to run inside a network namespace, optionally as another user (setpriv execs, keeping the pid). */
    static List<String> inNamespace(String namespace, String user, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        if (user != null) {
            full.addAll(asUser(user));
        }
        full.addAll(command);
        return full;
    }

    static List<String> asUser(String user) {
        // PostgreSQL refuses to run as root; setpriv (util-linux) execs without forking, unlike runuser/su.
        return List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--");
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
