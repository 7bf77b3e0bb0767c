package dev.multisite.offline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of an offline plan: every resource the program registered, in registration order,
 * the stack outputs (secrets already replaced by {@code "[secret]"}), and the output names each
 * component registered (by URN).
 */
public record Plan(String stackName, List<PlannedResource> resources, Map<String, JsonNode> outputs,
                   Map<String, List<String>> componentOutputs) {

    public Plan(String stackName, List<PlannedResource> resources, Map<String, JsonNode> outputs) {
        this(stackName, resources, outputs, Map.of());
    }

    public Optional<PlannedResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
