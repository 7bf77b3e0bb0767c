package dev.multisite.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Pulumi CLI built from its Go modules (toolchain/build.sh, into
 * {@code ~/.cache/multisite-toolchain/bin} or {@code $MULTISITE_TOOLCHAIN/bin}), run offline: a
 * private {@code PULUMI_HOME}, a file backend, a passphrase secrets provider, no update check and no
 * plugin downloads (the environment variables of pulumi/pulumi sdk/go/common/env/env.go and the
 * file backend of pkg/backend/diy). The toolchain's bin directory comes first on PATH: the CLI finds
 * its language hosts ({@code pulumi-language-java}) there.
 */
final class RealPulumi {
    /** The one sentence printed when the real stage cannot run, with why. */
    static final String NOT_RUN = "real Pulumi stage did not run: ";

    record Result(int exit, String stdout, String stderr, Duration took) {
        String both() {
            return stdout + "\n" + stderr;
        }
    }

    private final Path bin;
    private final Path project;
    private final Map<String, String> env = new LinkedHashMap<>();

    private RealPulumi(Path bin, Path project, Path scratch) {
        this.bin = bin;
        this.project = project;
        env.put("PULUMI_HOME", scratch.resolve("pulumi-home").toString());
        env.put("PULUMI_BACKEND_URL", "file://" + scratch.resolve("state"));
        env.put("PULUMI_CONFIG_PASSPHRASE", "multisite-real-engine-test");
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("PULUMI_SKIP_CONFIRMATIONS", "true");
        env.put("PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK", "true");
        env.put("NO_COLOR", "1");
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        try {
            Files.createDirectories(scratch.resolve("state"));
            Files.createDirectories(scratch.resolve("pulumi-home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The toolchain's bin directory, or why the real stage cannot run. */
    static Optional<Path> toolchain(StringBuilder whyNot) {
        String root = System.getenv("MULTISITE_TOOLCHAIN");
        Path dir = root != null && !root.isBlank() ? Path.of(root, "bin") : Path.of(System.getProperty("user.home"), ".cache", "multisite-toolchain", "bin");
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("pulumi", "pulumi-language-java")) {
            if (!Files.isExecutable(dir.resolve(tool))) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            whyNot.append("no ").append(String.join(" and ", missing)).append(" in ").append(dir)
                    .append(" (build the toolchain with toolchain/build.sh, or set MULTISITE_TOOLCHAIN)");
            return Optional.empty();
        }
        return Optional.of(dir);
    }

    static RealPulumi in(Path bin, Path project, Path scratch) {
        return new RealPulumi(bin, project, scratch);
    }

    Path executable() {
        return bin.resolve("pulumi");
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    Path project() {
        return project;
    }

    /** Runs {@code pulumi <args>} in the project directory; never more than {@code timeout}. */
    Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        long started = System.nanoTime();
        try {
            Path out = Files.createTempFile("pulumi-out", ".txt");
            Path err = Files.createTempFile("pulumi-err", ".txt");
            var pb = new ProcessBuilder(command).directory(project.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("pulumi " + String.join(" ", args) + ": still running after " + timeout
                        + "\n" + Files.readString(err) + "\n" + tail(Files.readString(out)));
            }
            var result = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - started));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** As {@link #run}, failing with the CLI's own output unless it exits 0. */
    Result ok(Duration timeout, String... args) {
        Result r = run(timeout, args);
        if (r.exit() != 0) {
            throw new AssertionError("pulumi " + String.join(" ", args) + " exited " + r.exit() + "\n" + tail(r.stderr()) + "\n" + tail(r.stdout()));
        }
        return r;
    }

    static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }
}
