package dev.multisite.topology;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Renders a Jackson error location as the config path a user reads in their stack file, naming
 * list entries by their {@code name} when they have one: {@code sites[eu-1].network.podCidr}.
 */
final class ConfigPaths {
    private ConfigPaths() {
    }

    static String render(List<Reference> path, JsonNode root) {
        var out = new StringBuilder();
        JsonNode node = root;
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
                node = node == null ? null : node.get(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                JsonNode element = node == null ? null : node.get(ref.getIndex());
                JsonNode name = element == null ? null : element.get("name");
                out.append('[').append(name != null && name.isTextual() ? name.asText() : String.valueOf(ref.getIndex())).append(']');
                node = element;
            }
        }
        return out.isEmpty() ? "multisite:topology" : out.toString();
    }

    /** The node an error path points at, or a missing node. */
    static JsonNode at(List<Reference> path, JsonNode root) {
        JsonNode node = root;
        for (Reference ref : path) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        return node;
    }
}
