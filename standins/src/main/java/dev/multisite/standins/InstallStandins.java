package dev.multisite.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs one STAND-IN provider plugin per package the program uses into a Pulumi plugin cache:
 * for each, a directory holding an executable {@code pulumi-resource-<pkg>} (the name the engine
 * looks for) that runs the stand-in launcher with the package's name, installed with
 * {@code pulumi plugin install resource <pkg> <version> --file <dir> --reinstall}: a directory is
 * copied into {@code $PULUMI_HOME/plugins} as the plugin's contents (pulumi/pulumi
 * pkg/cmd/pulumi/plugin/plugin_install.go and pkg/pluginstorage/content.go, DirPlugin).
 *
 * <p>Usage: {@code InstallStandins <launcher> [package ...]} with {@code pulumi} on PATH and
 * {@code PULUMI_HOME} set to the cache to fill; without packages, every package of the class path.
 */
public final class InstallStandins {
    private InstallStandins() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: InstallStandins <path to pulumi-resource-standin> [package ...]");
            System.exit(2);
        }
        Path launcher = Path.of(args[0]).toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            System.err.println("error: launcher " + launcher + " is not an executable file; expected standins/pulumi-resource-standin");
            System.exit(2);
        }
        List<StandinPackage> packages = new ArrayList<>();
        try {
            if (args.length == 1) {
                packages.addAll(StandinPackage.all());
            } else {
                for (int i = 1; i < args.length; i++) {
                    packages.add(StandinPackage.named(args[i]));
                }
            }
            install(Path.of("pulumi"), Map.of(), launcher, packages);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Installs {@code packages} with the {@code pulumi} CLI at {@code pulumi} (a path, or a bare name
     * found on PATH), its environment this process's plus {@code env} (PULUMI_HOME and the like).
     * Prints one line per package.
     */
    public static void install(Path pulumi, Map<String, String> env, Path launcher, List<StandinPackage> packages) {
        Path staging;
        try {
            staging = Files.createTempDirectory("multisite-standins-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (StandinPackage pkg : packages) {
                long started = System.nanoTime();
                Path dir = Files.createDirectories(staging.resolve(pkg.name()));
                Path plugin = dir.resolve("pulumi-resource-" + pkg.name());
                Files.writeString(plugin, "#!/bin/sh\n"
                        + "# Multisite STAND-IN provider plugin for " + pkg.name() + " " + pkg.version() + ", not the real provider\n"
                        + "exec '" + launcher.toString().replace("'", "'\\''") + "' " + pkg.name() + " \"$@\"\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
                run(env, List.of(pulumi.toString(), "plugin", "install", "resource", pkg.name(), pkg.version(),
                        "--file", dir.toString(), "--reinstall"));
                System.out.printf("stand-in provider %s %s installed (%d ms)%n", pkg.name(), pkg.version(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(staging);
        }
    }

    private static void run(Map<String, String> env, List<String> command) throws IOException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + ": did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
