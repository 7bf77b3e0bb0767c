package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.topology.StrictYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared by the bad-input corpus and the fuzz test: the example stacks as trees, and the one-clear-error assertion. */
final class BadInputs {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    /** What must never reach a user: stack traces, Java type names, raw Jackson or java.time text. */
    static final Pattern LEAKS = Pattern.compile("Exception|\\tat |\\bat dev\\.|\\bjava\\.|com\\.fasterxml|org\\.yaml|picocli\\."
            + "|\\((Boolean|Long|Integer|String|Double|Map|List|Object)\\)|\\bPT-?\\d|Input length|\\bnull\\)|Cannot (construct|deserialize)"
            + "|is not an? (int|long)\\b|Unrecognized field");

    private BadInputs() {
    }

    static String text(String stack) {
        try {
            return Files.readString(ExampleStacks.file(stack));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example stack file as a mutable tree. */
    static ObjectNode tree(String stack) {
        return (ObjectNode) StrictYaml.read(text(stack), stack).deepCopy();
    }

    static ObjectNode topology(ObjectNode file) {
        return (ObjectNode) file.path("config").path("multisite:topology");
    }

    static ArrayNode sites(ObjectNode file) {
        return (ArrayNode) topology(file).path("sites");
    }

    /** The first site of {@code provider}, or null. */
    static ObjectNode site(ObjectNode file, String provider) {
        for (JsonNode s : sites(file)) {
            if (provider.equals(s.path("provider").asText())) {
                return (ObjectNode) s;
            }
        }
        return null;
    }

    static String yaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under {@code dir}, to prove a failed run wrote nothing. */
    static List<Path> listing(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit 2, one {@code error:} line naming what is wrong (plus at most one hint line), nothing Java-shaped. */
    static void assertOneClearError(PlanCommandTest.Run r, String what, List<String> keywords) {
        assertThat(r.code()).as("%s: exit code; stderr=%s", what, r.err()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as("%s: stderr lines", what).hasSizeBetween(1, 2);
        assertThat(lines.get(0)).as("%s: the error line", what).startsWith("error: ");
        if (!keywords.isEmpty()) {
            assertThat(lines.get(0)).as("%s: the error line", what).contains(keywords);
        }
        if (lines.size() == 2) {
            assertThat(lines.get(1)).as("%s: the hint line", what).matches("(try '.*--help'|and \\d+ more problem.*)");
        }
        assertThat(r.err()).as("%s: no Java leaking through", what).doesNotContainPattern(LEAKS);
        assertThat(lines.get(0).length()).as("%s: a line, not a dump", what).isLessThan(600);
    }
}
