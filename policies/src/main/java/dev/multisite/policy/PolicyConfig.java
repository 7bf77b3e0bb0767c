package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Per-rule settings: an enforcement level and rule parameters, e.g.
 * <pre>
 * provider-capacity-share: {level: advisory, maxShare: 0.4}
 * dns-ttl-limit: disabled
 * </pre>
 */
public record PolicyConfig(Map<String, EnforcementLevel> levels, Map<String, Map<String, Object>> parameters) {
    public static final PolicyConfig DEFAULTS = new PolicyConfig(Map.of(), Map.of());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static PolicyConfig read(Path file) throws IOException {
        return of(YAML.readTree(file.toFile()));
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
            JsonNode value = e.getValue();
            if (value.isTextual()) {
                levels.put(e.getKey(), level(e.getKey(), value.asText()));
            } else if (value.isObject()) {
                Map<String, Object> params = new HashMap<>();
                value.fields().forEachRemaining(p -> {
                    if (p.getKey().equals("level")) {
                        levels.put(e.getKey(), level(e.getKey(), p.getValue().asText()));
                    } else {
                        params.put(p.getKey(), p.getValue().isNumber() ? p.getValue().numberValue() : p.getValue().asText());
                    }
                });
                parameters.put(e.getKey(), params);
            }
        }
        return new PolicyConfig(levels, parameters);
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
