package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a stack rule sees: all resources, and the stack's topology when the preview carries
 * it (the offline plan and a real {@code pulumi preview --json} both list the stack config).
 */
public record StackView(List<PolicyResource> resources, JsonNode topology) {
    public StackView {
        resources = List.copyOf(resources);
        topology = topology == null ? MissingNode.getInstance() : topology;
    }

    public List<PolicyResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<PolicyResource> typeStartsWith(String prefix) {
        return resources.stream().filter(r -> r.type().startsWith(prefix)).toList();
    }

    public Map<String, PolicyResource> byUrn() {
        return resources.stream().collect(Collectors.toMap(PolicyResource::urn, Function.identity(), (a, b) -> a));
    }

    /** The site components ({@code multisite:site:*}), one per site. */
    public List<PolicyResource> sites() {
        return typeStartsWith("multisite:site:");
    }

    public Optional<String> environment() {
        return topology.has("environment") ? Optional.of(topology.get("environment").asText()) : Optional.empty();
    }
}
