package dev.multisite.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.topology.InputFiles;
import dev.multisite.topology.TopologyException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Per-rule settings: an enforcement level and rule parameters, e.g.
 * <pre>
 * provider-capacity-share: {level: advisory, maxShare: 0.4}
 * dns-ttl-limit: disabled
 * </pre>
 * Rule names, parameter names and value types are checked: a typo must not switch a rule's
 * settings off silently. Problems are {@link IllegalArgumentException}s of one line.
 */
public record PolicyConfig(Map<String, EnforcementLevel> levels, Map<String, Map<String, Object>> parameters) {
    public static final PolicyConfig DEFAULTS = new PolicyConfig(Map.of(), Map.of());
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    public static PolicyConfig read(Path file) {
        String text;
        try {
            text = InputFiles.readText(file, "rule settings file");
        } catch (TopologyException e) {
            throw new IllegalArgumentException("--config " + e.getMessage());
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("--config " + file + ": not valid YAML" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + " (" + e.getOriginalMessage().split("\n")[0] + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return DEFAULTS;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("--config " + file + ": expected a mapping of rule name to level or settings");
        }
        try {
            return of(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--config " + file + ": " + e.getMessage());
        }
    }

    /** From a mapping of rule name to a level string or an object with {@code level} and parameters. */
    public static PolicyConfig of(JsonNode root) {
        Map<String, EnforcementLevel> levels = new HashMap<>();
        Map<String, Map<String, Object>> parameters = new HashMap<>();
        if (root == null || !root.isObject()) {
            return DEFAULTS;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            Rule rule = known(e.getKey());
            JsonNode value = e.getValue();
            if (value.isTextual()) {
                levels.put(rule.name(), level(rule.name(), value.asText()));
            } else if (value.isObject()) {
                Map<String, Object> params = new HashMap<>();
                for (var p : value.properties()) {
                    if (p.getKey().equals("level")) {
                        levels.put(rule.name(), level(rule.name(), p.getValue().asText()));
                    } else {
                        params.put(p.getKey(), parameter(rule, p.getKey(), p.getValue()));
                    }
                }
                parameters.put(rule.name(), params);
            } else {
                throw new IllegalArgumentException(rule.name() + ": expected a level (advisory, mandatory, disabled) or a mapping with level and settings");
            }
        }
        return new PolicyConfig(levels, parameters);
    }

    private static Rule known(String name) {
        return PolicyPack.RULES.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a rule of the pack; see policies/README.md for the "
                        + PolicyPack.RULES.size() + " rule names"));
    }

    private static Object parameter(Rule rule, String key, JsonNode value) {
        Object defaultValue = rule.defaults().get(key);
        if (defaultValue == null) {
            throw new IllegalArgumentException(rule.name() + "." + key + ": not a setting of this rule; "
                    + (rule.defaults().isEmpty() ? "it has none besides level" : "use " + rule.defaults().keySet().stream().sorted()
                    .collect(Collectors.joining(", "))));
        }
        if (defaultValue instanceof Number) {
            if (!value.isNumber() || value.asDouble() < 0) {
                throw new IllegalArgumentException(rule.name() + "." + key + ": '" + value.asText() + "' is not allowed; use a number >= 0");
            }
            return value.numberValue();
        }
        return value.asText();
    }

    private static EnforcementLevel level(String rule, String text) {
        try {
            return EnforcementLevel.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(rule + ": '" + text + "' is not an enforcement level; use advisory, mandatory or disabled");
        }
    }

    EnforcementLevel levelOf(Rule rule) {
        return levels.getOrDefault(rule.name(), rule.defaultLevel());
    }

    Map<String, Object> parametersOf(Rule rule) {
        Map<String, Object> merged = new HashMap<>(rule.defaults());
        merged.putAll(parameters.getOrDefault(rule.name(), Map.of()));
        return merged;
    }
}
