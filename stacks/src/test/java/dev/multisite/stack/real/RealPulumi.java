package dev.multisite.stack.real;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real Pulumi CLI and its language hosts, built from their Go modules by toolchain/build.sh into
 * {@code $MULTISITE_TOOLCHAIN/bin} (default {@code ~/.cache/multisite-toolchain/bin}), run offline:
 * a private {@code PULUMI_HOME}, a file backend in a temporary directory, a passphrase secrets
 * provider, no update check and no plugin downloads (the variables are the CLI's own:
 * pulumi/pulumi sdk/go/common/env/env.go, and "State and backends" / "Environment variables" in
 * the CLI docs). Where the toolchain is absent, one line says so and the caller's test is aborted
 * (reported as skipped with that reason, never as passed); where {@value #REQUIRED} is set, as
 * {@code .ci/run} sets it, the test fails instead, so CI never passes without the real stage.
 * The real-stage tests of every module use this one class (the stand-ins' through this module's test jar).
 */
public final class RealPulumi {
    /** Only for the file backend's encrypted config of throwaway test stacks. */
    static final String PASSPHRASE = "multisite-real-stage-test-only";
    /** Set (to anything) where the real stage must run: a missing toolchain fails the test. */
    public static final String REQUIRED = "MULTISITE_REQUIRE_TOOLCHAIN";
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static boolean built;

    private final Path bin;
    private final Path home;
    private final Path backend;
    private final List<Path> extraPath = new ArrayList<>();

    private RealPulumi(Path bin, Path scratch) throws IOException {
        this.bin = bin;
        this.home = Files.createDirectories(scratch.resolve("pulumi-home"));
        this.backend = Files.createDirectories(scratch.resolve("backend"));
    }

    /** Where the toolchain's binaries are (the cache toolchain/build.sh fills). */
    public static Path toolchainBin() {
        String configured = System.getenv("MULTISITE_TOOLCHAIN");
        Path cache = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "multisite-toolchain");
        return cache.resolve("bin");
    }

    /** Whether the toolchain has this binary (e.g. {@code pulumi-language-nodejs}). */
    public static boolean has(String binary) {
        return Files.isExecutable(toolchainBin().resolve(binary));
    }

    /**
     * The real CLI with a fresh home and backend under {@code scratch}; aborts the calling test
     * (after one line, printed once per run) when {@code pulumi} or a needed host is not built.
     */
    public static RealPulumi open(Path scratch, String... needed) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String binary : needed) {
            if (!has(binary)) {
                missing.add(binary);
            }
        }
        if (!has("pulumi")) {
            missing.add(0, "pulumi");
        }
        if (!missing.isEmpty()) {
            notRun(String.join(", ", missing) + " not found in " + toolchainBin() + " (toolchain/build.sh builds it)");
        }
        return new RealPulumi(toolchainBin(), scratch);
    }

    /** Says once why the real stage cannot run; fails the test where it must run, aborts it elsewhere. */
    public static void notRun(String why) {
        String line = "real Pulumi stage did not run: " + why;
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(line);
        }
        String required = System.getenv(REQUIRED);
        if (required != null && !required.isBlank()) {
            throw new AssertionError(line + " (" + REQUIRED + " is set)");
        }
        Assumptions.abort(line);
    }

    /**
     * Builds and installs the project once per test JVM ({@code mvn install} without tests), because
     * the real CLI runs what a user runs: the stack jar {@code Pulumi.yaml} names
     * ({@code stacks/target/multisite-stacks.jar}), the policy pack's and the stand-ins' class paths,
     * and the package plugin, which Maven builds against the multisite modules in the local
     * repository. Tests are neither compiled nor run again ({@code maven.test.skip}), so the classes
     * of the running suite are left alone.
     */
    public synchronized void buildProject(Path root) throws IOException, InterruptedException {
        synchronized (RealPulumi.class) {
            if (built) {
                return;
            }
            var mvn = run(root, Duration.ofMinutes(15), List.of("mvn", "-B", "-ntp", "-q", "install", "-Dmaven.test.skip=true"));
            if (mvn.exit() != 0) {
                throw new AssertionError("mvn install (for the real stage) failed\n" + mvn.output());
            }
            System.out.println("real: mvn install -Dmaven.test.skip=true took " + mvn.took().toSeconds() + " s");
            built = true;
        }
    }

    /** Puts a directory of plugins (stand-in providers, analyzers) on {@code PATH} after the toolchain. */
    public RealPulumi withPath(Path dir) {
        extraPath.add(dir);
        return this;
    }

    public Path backend() {
        return backend;
    }

    /** The environment every real command runs with. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        path.add(bin.toString());
        extraPath.forEach(p -> path.add(p.toString()));
        path.add(System.getenv("PATH"));
        env.put("PATH", String.join(File.pathSeparator, path));
        env.put("PULUMI_HOME", home.toString());
        env.put("PULUMI_BACKEND_URL", "file://" + backend);
        env.put("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE);
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("PULUMI_SKIP_CONFIRMATIONS", "true");
        // Plain text: tests match the CLI's diagnostics with patterns.
        env.put("NO_COLOR", "1");
        return env;
    }

    /** What a finished command printed, and its exit code. */
    public record Result(int exit, String stdout, String stderr, Duration took) {
        public String output() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** The real CLI's executable. */
    public Path executable() {
        return bin.resolve("pulumi");
    }

    /** Runs {@code pulumi args...} in {@code dir}; fails the test when it does not finish in time. */
    public Result pulumi(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(dir, timeout, pulumiCommand(args), null);
    }

    /** As {@link #pulumi}, failing with the CLI's own output unless it exits 0. */
    public Result ok(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
        Result result = pulumi(dir, timeout, args);
        if (result.exit() != 0) {
            throw new AssertionError("pulumi " + String.join(" ", args) + " failed\n" + tail(result.output()));
        }
        return result;
    }

    /**
     * Sets a secret config value of {@code stack}, the value on the CLI's standard input, never on its
     * command line ({@code pulumi config set} reads the value from stdin when none is given and the
     * input is not a terminal).
     */
    public void setSecret(Path dir, String stack, String key, String value) throws IOException, InterruptedException {
        Result set = run(dir, Duration.ofSeconds(60), pulumiCommand("config", "set", "--secret", "--stack", stack, key), value);
        if (set.exit() != 0) {
            throw new AssertionError("pulumi config set --secret " + key + " failed\n" + tail(set.output()));
        }
    }

    private List<String> pulumiCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs any command with this environment (e.g. {@code multisite fleet}, {@code tsc}). */
    public Result run(Path dir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        return run(dir, timeout, command, null);
    }

    /** The last part of a long output, for assertion messages. */
    public static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }

    private Result run(Path dir, Duration timeout, List<String> command, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("real-stdout", ".txt");
        Path err = Files.createTempFile("real-stderr", ".txt");
        Path in = stdin == null ? null : Files.createTempFile("real-stdin", ".txt");
        try {
            if (in != null) {
                Files.writeString(in, stdin, StandardCharsets.UTF_8);
            }
            var builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(in != null ? in.toFile() : new File("/dev/null")));
            builder.environment().putAll(environment());
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout + "\n--- stdout\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + "\n--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (in != null) {
                Files.deleteIfExists(in);
            }
        }
    }
}
