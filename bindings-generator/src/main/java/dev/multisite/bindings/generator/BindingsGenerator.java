package dev.multisite.bindings.generator;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the typed resource bindings of {@code dev.multisite.bindings} from their specs, as
 * Pulumi's own SDKs are generated from provider schemas: every {@code *.yaml} in the spec
 * directory, one Java file per resource. Components runs it in generate-sources.
 *
 * <p>Usage: {@code BindingsGenerator <spec directory> <output source root>}.
 */
public final class BindingsGenerator {

    private BindingsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BindingsGenerator <spec directory> <output source root>; got " + List.of(args));
        }
        generate(Path.of(args[0]), Path.of(args[1]));
    }

    static void generate(Path specDirectory, Path outputRoot) throws IOException {
        var yaml = new YAMLMapper();
        List<Path> specs;
        try (Stream<Path> files = Files.list(specDirectory)) {
            specs = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException(specDirectory + " holds no *.yaml binding spec");
        }
        removePreviousOutput(outputRoot);
        for (Path file : specs) {
            var spec = yaml.readValue(file.toFile(), BindingSpec.class);
            for (var resource : spec.resources()) {
                BindingWriter.write(resource, spec.pluginVersion(), file.getFileName().toString()).writeTo(outputRoot);
            }
        }
    }

    /** A binding renamed or removed in its spec must not live on in an earlier build's output. */
    private static void removePreviousOutput(Path outputRoot) throws IOException {
        var packageDirectory = outputRoot.resolve(BindingWriter.PACKAGE.replace('.', '/'));
        if (!Files.isDirectory(packageDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.list(packageDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".java")).toList()) {
                Files.delete(file);
            }
        }
    }
}
