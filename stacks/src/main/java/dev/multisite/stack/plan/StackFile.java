package dev.multisite.stack.plan;

import dev.multisite.topology.InputFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.topology.Problems;
import dev.multisite.topology.StrictYaml;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code Pulumi.<stack>.yaml} file as the offline plan sees it: the topology (parsed by the same
 * function the real program uses) and the other config keys, with secure values kept opaque.
 *
 * @param path      where it was read from
 * @param stackName the stack name ({@code prod} for {@code Pulumi.prod.yaml})
 * @param topology  the validated topology
 * @param config    every config key; secure values as {@code "[secret]"}
 */
public record StackFile(Path path, String stackName, Topology topology, Map<String, JsonNode> config) {

    public static final String TOPOLOGY_KEY = "multisite:" + TopologyParser.CONFIG_KEY;

    /** Reads and validates a stack file; every problem is reported as a {@link TopologyException}. */
    public static StackFile read(Path path) {
        return parse(InputFiles.readText(path, "stack file"), path);
    }

    /** One of the example stacks shipped inside the jar ({@code examples/Pulumi.<name>.yaml}). */
    public static StackFile example(String name) {
        String resource = "examples/Pulumi." + name + ".yaml";
        try (var in = StackFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TopologyException("no example stack '" + name + "' in this build");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Path.of(resource));
        } catch (IOException e) {
            throw new TopologyException(resource + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses stack file text; {@code path} names it in messages and gives the stack name. */
    public static StackFile parse(String text, Path path) {
        JsonNode root = StrictYaml.read(text, path.toString());
        if (!root.path("config").isObject()) {
            throw new TopologyException(path + ": no 'config:' mapping; a stack file holds config: {multisite:topology: ...}");
        }
        Map<String, JsonNode> config = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("config").fields(); it.hasNext(); ) {
            var entry = it.next();
            boolean secure = entry.getValue().isObject() && entry.getValue().has("secure");
            config.put(entry.getKey(), secure ? com.fasterxml.jackson.databind.node.TextNode.valueOf("[secret]") : entry.getValue());
        }
        Topology topology = TopologyParser.parse(root.path("config").get(TOPOLOGY_KEY));
        requireSecretKeys(topology, root.path("config"));
        return new StackFile(path, stackName(path), topology, config);
    }

    /** Every secret config key the topology names must be set in the stack, and set as a secret. */
    private static void requireSecretKeys(Topology topology, JsonNode config) {
        var problems = new Problems();
        topology.secretConfigKeys().forEach((path, name) -> {
            String key = "multisite:" + name;
            JsonNode value = config.get(key);
            if (value == null) {
                problems.add(path, "config key " + key + " is not set in this stack; run `pulumi config set --secret " + key + " < file` (the value on stdin, not on the command line)");
            } else if (!(value.isObject() && value.has("secure"))) {
                problems.add(path, "config key " + key + " holds the value in plain text; store it with `pulumi config set --secret`");
            }
        });
        problems.throwIfAny();
    }

    static String stackName(Path path) {
        String file = path.getFileName().toString();
        if (file.startsWith("Pulumi.") && (file.endsWith(".yaml") || file.endsWith(".yml"))) {
            return file.substring("Pulumi.".length(), file.lastIndexOf('.'));
        }
        return file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    }
}
