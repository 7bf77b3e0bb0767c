package dev.multisite.bindings.generator;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator on small specs: what it writes for each kind of input, and the spec mistakes it
 * names. That the real bindings send the engine what they did is components' BindingRegistrationTest.
 */
class BindingsGeneratorTest {
    private static final ClassName OWNER = ClassName.get(BindingWriter.PACKAGE, "Thing");

    @TempDir
    Path directory;

    @Test
    void typesResolveAsTheBindingsSourceWould() {
        assertThat(JavaTypes.of("Output<Map<String, String>>", OWNER))
                .hasToString("com.pulumi.core.Output<java.util.Map<java.lang.String, java.lang.String>>");
        assertThat(JavaTypes.of("List<Header>", OWNER)).hasToString("java.util.List<dev.multisite.bindings.Thing.Header>");
        assertThat(JavaTypes.of("Other.Header", OWNER)).hasToString("dev.multisite.bindings.Other.Header");
    }

    @Test
    void writesImportsConstantsComputedInputsFactoriesAndSecretOutputs() throws IOException {
        var source = generate("""
                pluginVersion: THING
                resources:
                  - class: Thing
                    token: thing:index/thing:Thing
                    doc: A thing.
                    secretOutputs: [key]
                    outputs:
                      - {name: key, secret: true}
                    args:
                      inputs:
                        - {name: size, type: Integer, required: true}
                        - {name: mode, type: String, value: '"fast"'}
                        - {name: label, type: Output<String>}
                      constructors:
                        - private: true
                          params: [size, label]
                          assign: {size: size * 2}
                      factories:
                        - {name: doubled, params: [size, label], args: [size, label]}
                """);
        assertThat(source)
                .contains("@ResourceType(\n    type = Thing.TYPE\n)")
                .contains("public static final String TYPE = \"thing:index/thing:Thing\";")
                .contains("super(TYPE, name, args, options, PluginVersions.THING, \"key\");")
                .contains("@Import(\n        name = \"size\",\n        required = true\n    )\n    private final Integer size;")
                .contains("private final String mode = \"fast\";")
                .contains("private final Output<String> label;")
                .contains("private Args(int size, Output<String> label) {")
                .contains("this.size = size * 2;")
                .contains("public static Args doubled(int size, Output<String> label) {")
                .contains("return key.asSecret();");
    }

    /** A constructor of one Integer input {@code size}, and the message its mistake gets. */
    static Stream<Arguments> specMistakes() {
        return Stream.of(
                Arguments.of("{params: [size], assign: {sise: size}}", "Thing.Args: assign.sise is not one of its inputs [size]"),
                Arguments.of("{params: [bytes], assign: {size: bytes}}",
                        "Thing.Args: parameter bytes is no input; give its type as \"bytes Type\""));
    }

    @ParameterizedTest
    @MethodSource("specMistakes")
    void aSpecMistakeIsNamed(String constructor, String message) {
        assertThatThrownBy(() -> generate("""
                pluginVersion: THING
                resources:
                  - class: Thing
                    token: thing:index/thing:Thing
                    args:
                      inputs:
                        - {name: size, type: Integer}
                      constructors:
                        - %s
                """.formatted(constructor))).hasMessage(message);
    }

    @Test
    void aBindingRemovedFromItsSpecLeavesNoSourceBehind() throws IOException {
        var stale = directory.resolve("out/dev/multisite/bindings/Removed.java");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "class Removed {}");
        generate("""
                pluginVersion: THING
                resources:
                  - {class: Thing, token: "thing:index/thing:Thing", args: {}}
                """);
        assertThat(stale).doesNotExist();
    }

    private String generate(String spec) throws IOException {
        var specs = Files.createDirectories(directory.resolve("specs"));
        Files.writeString(specs.resolve("thing.yaml"), spec);
        BindingsGenerator.generate(specs, directory.resolve("out"));
        return Files.readString(directory.resolve("out/dev/multisite/bindings/Thing.java"));
    }
}
