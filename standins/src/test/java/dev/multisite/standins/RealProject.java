package dev.multisite.standins;

import dev.multisite.stack.real.RealPulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.offline.OfflineKubeconfig;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * A copy of this Pulumi project in a scratch directory, laid out as the repository's
 * {@code Pulumi.yaml} expects: the same {@code Pulumi.yaml} (runtime java, binary
 * {@code stacks/target/multisite-stacks.jar}, stack config in {@code stacks/}, the policy pack's
 * launcher found through {@code plugins.analyzers}), the policy pack ({@code policies}, linked), the
 * example stack files and the program's jar. The jar is the stacks module's thin jar built from this
 * build's classes: a manifest with Main-Class {@code dev.multisite.stack.Main} and a Class-Path
 * of this test's class path, so {@code java -jar} (how the Java host runs a {@code binary} jar,
 * pulumi/pulumi-java pkg/internal/executors/executor_jar.go) runs the code under test.
 */
final class RealProject {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Path repository;
    final Path dir;

    private RealProject(Path repository, Path dir) {
        this.repository = repository;
        this.dir = dir;
    }

    static RealProject create(Path repository, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("stacks/target"));
        Files.copy(repository.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.createSymbolicLink(dir.resolve("policies"), repository.resolve("policies"));
        writeProgramJar(dir.resolve("stacks/target/multisite-stacks.jar"));
        return new RealProject(repository, dir);
    }

    /**
     * Creates stack {@code name} from the repository's {@code stacks/Pulumi.<name>.yaml}, with its
     * secret keys set as real secrets: the example files hold placeholders no passphrase decrypts.
     */
    void initStack(RealPulumi pulumi, String name) throws Exception {
        Path source = repository.resolve("stacks/Pulumi." + name + ".yaml");
        writeStackFile(name, (ObjectNode) YAML.readTree(source.toFile()), pulumi);
    }

    /** Creates stack {@code name} from {@code document} (a stack file's content), secrets set as above. */
    void writeStackFile(String name, ObjectNode document, RealPulumi pulumi) throws Exception {
        ObjectNode config = (ObjectNode) document.path("config");
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> secureKeys = new ArrayList<>();
        config.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && e.getValue().has("secure")) {
                secureKeys.add(e.getKey());
            }
        });
        for (String key : secureKeys) {
            config.remove(key);
            // The offline plan's stand-in kubeconfig for an existing site's key (the program parses it: the
            // Cilium values carry its host and port), so both runs see the same value; a stand-in token otherwise.
            String bare = key.substring(key.indexOf(':') + 1);
            secrets.put(key, bare.endsWith("kubeconfig") ? OfflineKubeconfig.forConfigKey(bare) : "real-engine-test-" + bare);
        }
        Path file = dir.resolve("stacks/Pulumi." + name + ".yaml");
        YAML.writeValue(file.toFile(), document);
        if (pulumi.pulumi(dir, Duration.ofSeconds(60), "stack", "select", name, "--non-interactive").exit() != 0) {
            pulumi.ok(dir, Duration.ofSeconds(60), "stack", "init", name, "--non-interactive");
        }
        for (var secret : secrets.entrySet()) {
            pulumi.setSecret(dir, name, secret.getKey(), secret.getValue());
        }
    }

    JsonNode stackFile(String name) throws IOException {
        return YAML.readTree(dir.resolve("stacks/Pulumi." + name + ".yaml").toFile());
    }

    private static void writeProgramJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "dev.multisite.stack.Main");
        String classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .map(Path::of)
                .filter(Files::exists)
                .map(p -> p.toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" "));
        main.put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
