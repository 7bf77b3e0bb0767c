package dev.multisite.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.bindings.PluginVersions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * A package the program uses, at the plugin version its resources request, and the SDK jar that
 * declares its resources (none for the packages this project binds by hand).
 *
 * <p>A pulumi-java SDK jar announces its provider plugin in {@code com/pulumi/<pkg>/plugin.json}
 * ({@code {"resource": true, "name": ..., "version": ...}}), the file the Java language host reads
 * to answer the engine's GetRequiredPlugins (pulumi/pulumi-java pkg/cmd/pulumi-language-java), and
 * its resources register with that version. The bindings pin theirs in {@link PluginVersions}.
 */
public record StandinPackage(String name, String version, Optional<Path> sdkJar) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLUGIN_JSON = Pattern.compile("com/pulumi/[^/]+/plugin\\.json");

    /** Every package of the class path: the SDK jars' announced plugins, then the bindings' packages. */
    public static List<StandinPackage> all() {
        List<StandinPackage> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                announced(path).ifPresent(out::add);
            }
        }
        PluginVersions.BY_PACKAGE.forEach((name, version) -> out.add(new StandinPackage(name, version, Optional.empty())));
        out.sort(Comparator.comparing(StandinPackage::name));
        return out;
    }

    public static StandinPackage named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "package " + name + ": no SDK jar or binding on the class path announces it; known: "
                        + all().stream().map(StandinPackage::name).toList()));
    }

    private static Optional<StandinPackage> announced(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.stream().filter(e -> PLUGIN_JSON.matcher(e.getName()).matches()).findFirst();
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            JsonNode plugin = JSON.readTree(file.getInputStream(entry.get()));
            if (!plugin.path("resource").asBoolean(false)) {
                return Optional.empty();
            }
            return Optional.of(new StandinPackage(plugin.path("name").asText(), plugin.path("version").asText(), Optional.of(jar)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
