package dev.multisite.stack.fleet.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How the exporters write YAML: Jackson trees serialized by jackson-dataformat-yaml (never text
 * pasted together), plain scalars where YAML allows them, multi-line strings as literal blocks, and
 * strings that look like numbers or booleans quoted so they stay strings ({@code "17"}).
 */
final class ExportYaml {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper ONE = mapper(false);
    private static final ObjectMapper MANY = mapper(true);

    private ExportYaml() {
    }

    private static ObjectMapper mapper(boolean documentMarkers) {
        YAMLFactory factory = YAMLFactory.builder()
                .configure(YAMLGenerator.Feature.WRITE_DOC_START_MARKER, documentMarkers)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
        return new ObjectMapper(factory);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** One YAML document, after a header of {@code #} comment lines. */
    static String document(List<String> header, JsonNode node) {
        try {
            return comments(header) + ONE.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Several YAML documents, each starting with {@code ---}, after a header of comment lines. */
    static String documents(List<String> header, List<? extends JsonNode> nodes) {
        var out = new StringWriter();
        out.write(comments(header));
        try (var writer = MANY.writer().writeValues(out)) {
            for (JsonNode node : nodes) {
                writer.write(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String comments(List<String> header) {
        var text = new StringBuilder();
        for (String line : header) {
            // Comment lines are not YAML structure; each one is a single line of our own text.
            text.append("# ").append(line.replaceAll("\\R", " ")).append('\n');
        }
        return text.toString();
    }
}
