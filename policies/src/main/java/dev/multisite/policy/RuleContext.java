package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** A rule's configuration (its defaults overlaid with the user's settings) and the stack's topology. */
public record RuleContext(Map<String, Object> config, JsonNode topology) {

    public double number(String key) {
        return ((Number) config.get(key)).doubleValue();
    }

    public String string(String key) {
        return String.valueOf(config.get(key));
    }
}
