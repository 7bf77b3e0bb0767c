package dev.multisite.stack.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.pkg.MultisitePackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component package {@code package/} inside the real Pulumi CLI: the CLI boots it through the
 * Java language host's {@code RunPlugin} (Maven {@code compile exec:java} in the plugin directory,
 * pulumi-java pkg/cmd/pulumi-language-java executor_maven.go), asks it for its schema and hands the
 * schema to each language host's {@code GeneratePackage} (pulumi/pulumi
 * pkg/cmd/pulumi/packagecmd/package_gen_sdk.go: one language per run, or {@code all}; "SDK has been
 * written to <out>/<language>").
 *
 * <p>The plugin runs with Maven against the local repository, so the multisite modules must be
 * installed there ({@code mvn -B -ntp install -DskipTests}, as the README asks of plugin users).
 */
class RealPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Maven resolves and compiles the plugin before it serves the schema: minutes on a cold, busy machine. */
    private static final Duration PLUGIN_BOOT = Duration.ofMinutes(8);
    /** Where each language's generated SDK puts the Fleet component (pulumi/pulumi pkg/codegen/*, pulumi-java pkg/codegen/java). */
    private static final Map<String, String> FLEET_FILE = Map.of(
            "java", "src/main/java/com/multisite/multisite/Fleet.java",
            "go", "multisite/fleet.go",
            "nodejs", "fleet.ts",
            "python", "multisite_multisite/fleet.py");

    @TempDir
    static Path scratch;
    static Path root;
    static RealPulumi pulumi;
    /** {@code pulumi package get-schema ./package}, run once. */
    static RealPulumi.Result schema;

    @BeforeAll
    static void bootThePluginOnce() throws Exception {
        pulumi = RealPulumi.open(scratch, "pulumi-language-java");
        root = Path.of("..").toAbsolutePath().normalize();
        pulumi.buildProject(root);
        schema = pulumi.pulumi(root, PLUGIN_BOOT, "package", "get-schema", "./package");
        Files.writeString(scratch.resolve("schema.json"), schema.stdout());
    }

    @Test
    void getSchemaOfThePackageDirectoryIsExactlyWhatMultisiteSchemaPrints() throws Exception {
        assertThat(schema.exit()).as(schema.output()).isZero();
        JsonNode served = JSON.readTree(schema.stdout());
        assertThat(served).isEqualTo(JSON.readTree(MultisitePackage.schema()));
        assertThat(served.path("resources").has("multisite:index:Fleet")).isTrue();
        System.out.println("real: pulumi package get-schema ./package took " + seconds(schema.took()));
    }

    /**
     * {@code gen-sdk} for one language: generated where the toolchain has that language's host;
     * where it has not, the CLI's own error names the missing host (the Node.js and Python hosts
     * cannot be built from the module proxy here).
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "go", "nodejs", "python"})
    void genSdkForEachLanguageWhoseHostWasBuilt(String language) throws Exception {
        assertThat(schema.exit()).as(schema.output()).isZero();
        Path out = scratch.resolve("sdk-" + language);
        // Java from the package directory itself; the others from the schema the same plugin served
        // (a .json source skips booting the plugin again: package_gen_sdk.go, SchemaFromSchemaSource).
        String source = language.equals("java") ? "./package" : scratch.resolve("schema.json").toString();
        var run = pulumi.pulumi(root, PLUGIN_BOOT, "package", "gen-sdk", source, "--language", language, "--out", out.toString());
        if (RealPulumi.has("pulumi-language-" + language)) {
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(out.resolve(language).resolve(FLEET_FILE.get(language))).as(run.output()).isRegularFile();
            System.out.println("real: gen-sdk " + language + " generated in " + seconds(run.took()));
        } else {
            assertThat(run.exit()).as(run.output()).isNotZero();
            assertThat(run.stdout() + run.stderr()).as(run.output()).contains(language);
            System.out.println("real: gen-sdk " + language + " cannot run (no pulumi-language-" + language + " in the toolchain): "
                    + lastLine(run.stderr() + run.stdout()));
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
