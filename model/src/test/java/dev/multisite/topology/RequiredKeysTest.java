package dev.multisite.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@link Required} claims is what the parser does: each required key, taken out of an example
 * stack where it is set, makes the parser refuse the topology with a line that names that key. The
 * package schema's required properties are these keys, so a schema that says "required" is never
 * looser or stricter than the parser.
 */
class RequiredKeysTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void removingARequiredKeyFromAnExampleStackIsRefusedNamingThatKey() throws IOException {
        Set<String> required = new TreeSet<>();
        collectRequired(Topology.class, required);
        Set<String> proven = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> topologies = new TreeMap<>();
        for (Path file : stackFiles()) {
            topologies.put(file.getFileName().toString(), YAML.readTree(file.toFile()).path("config").path("multisite:topology"));
        }
        // No example stack declares a global service; dev with one does.
        var withGlobalService = (ObjectNode) topologies.get("Pulumi.dev.yaml").deepCopy();
        withGlobalService.withObject("/mesh").putArray("globalServices").addObject().put("namespace", "shop").put("name", "cart");
        topologies.put("Pulumi.dev.yaml with mesh.globalServices", withGlobalService);
        topologies.forEach((name, topology) -> {
            TopologyParser.parse(topology);
            visit(Topology.class, topology, path -> removed(topology, path), name, proven, problems, new ArrayList<>());
        });
        assertThat(problems).isEmpty();
        assertThat(proven).as("every @Required key is set in some example stack, so its removal is tried").isEqualTo(required);
    }

    @Test
    void theCheckAboveFailsForAKeyTheParserDoesNotRequire() throws IOException {
        JsonNode topology = YAML.readTree(Path.of("..", "stacks", "Pulumi.dev.yaml").toFile()).path("config").path("multisite:topology");
        // peakDemand is optional: taking it out parses, so a @Required on it would be reported.
        var copy = (ObjectNode) topology.deepCopy();
        copy.remove("peakDemand");
        assertThat(refusal(copy, "peakDemand", null)).isNotNull();
    }

    /** Walks a record's value beside its class; for each @Required key present, checks its removal. */
    private static void visit(Class<?> record, JsonNode value, java.util.function.Function<List<Object>, JsonNode> without, String stack,
                              Set<String> proven, List<String> problems, List<Object> path) {
        if (!value.isObject()) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode child = value.get(component.getName());
            if (child == null) {
                continue;
            }
            List<Object> at = new ArrayList<>(path);
            at.add(component.getName());
            if (component.isAnnotationPresent(Required.class)) {
                String key = record.getSimpleName() + "." + component.getName();
                String refused = refusal(without.apply(at), component.getName(), parentKey(path));
                if (refused != null) {
                    problems.add(stack + " without " + at + ": " + refused);
                } else {
                    proven.add(key);
                }
            }
            descend(component.getGenericType(), child, without, stack, proven, problems, at);
        }
    }

    private static void descend(Type type, JsonNode value, java.util.function.Function<List<Object>, JsonNode> without, String stack,
                                Set<String> proven, List<String> problems, List<Object> path) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                List<Object> at = new ArrayList<>(path);
                at.add(i);
                descend(p.getActualTypeArguments()[0], value.get(i), without, stack, proven, problems, at);
            }
        } else if (type instanceof Class<?> c && c.isRecord() && value.isObject()) {
            visit(c, value, without, stack, proven, problems, path);
        }
    }

    /**
     * Null when the parser refuses the topology naming {@code key}: as a path segment ({@code mesh: required},
     * {@code mesh.clusterId: required}), or in the line of the block that holds it
     * ({@code mesh.globalServices[0]: needs namespace and name}); else what it did instead.
     */
    private static String refusal(JsonNode topology, String key, String parent) {
        var failure = catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(topology));
        if (failure == null) {
            return "parsed without it";
        }
        String element = "(\\[[^\\]]*\\])?";
        var naming = Pattern.compile("(^|[.\\]])" + Pattern.quote(key) + element + "(: |\\.)", Pattern.MULTILINE);
        var inItsBlock = parent == null ? null
                : Pattern.compile("(^|[.\\]])" + Pattern.quote(parent) + element + ": .*\\b" + Pattern.quote(key) + "\\b", Pattern.MULTILINE);
        boolean named = naming.matcher(failure.getMessage()).find() || inItsBlock != null && inItsBlock.matcher(failure.getMessage()).find();
        return named ? null : "refused, but not naming " + key + ": " + failure.getMessage();
    }

    /** The last key on the path (the block's own key), or null at the top. */
    private static String parentKey(List<Object> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof String key) {
                return key;
            }
        }
        return null;
    }

    private static JsonNode removed(JsonNode topology, List<Object> path) {
        JsonNode copy = topology.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        ((ObjectNode) parent).remove((String) path.get(path.size() - 1));
        return copy;
    }

    private static void collectRequired(Class<?> record, Set<String> into) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(Required.class)) {
                into.add(record.getSimpleName() + "." + component.getName());
            }
            recordsIn(component.getGenericType()).forEach(r -> {
                if (!into.contains("seen:" + r.getName())) {
                    into.add("seen:" + r.getName());
                    collectRequired(r, into);
                }
            });
        }
        into.removeIf(k -> k.startsWith("seen:") && record == Topology.class);
    }

    private static List<Class<?>> recordsIn(Type type) {
        if (type instanceof ParameterizedType p) {
            List<Class<?>> out = new ArrayList<>();
            for (Type argument : p.getActualTypeArguments()) {
                out.addAll(recordsIn(argument));
            }
            return out;
        }
        return type instanceof Class<?> c && c.isRecord() && c.getRecordComponents().length > 0 && c != Cidr.class
                && c != DataSettings.Replicas.class ? List.of(c) : List.of();
    }

    private static List<Path> stackFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stacks = Files.newDirectoryStream(Path.of("..", "stacks"), "Pulumi.*.yaml")) {
            stacks.forEach(files::add);
        }
        files.sort(null);
        assertThat(files).isNotEmpty();
        return files;
    }
}
