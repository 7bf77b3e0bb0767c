package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.multisite.catalog.ResourceTypes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Everything a stack rule sees: the resources, and the stack's topology when the preview carries
 * it (the offline plan and a real {@code pulumi preview --json} both list the stack config).
 *
 * @param hiddenResources resources of the stack that the document does not list: a real preview
 *                        without {@code --show-sames} lists only changed steps, while
 *                        {@code changeSummary.same} still counts the rest (pkg/display/json.go)
 */
public record StackView(List<PolicyResource> resources, JsonNode topology, int hiddenResources) {
    public StackView {
        resources = List.copyOf(resources);
        topology = topology == null ? MissingNode.getInstance() : topology;
    }

    public StackView(List<PolicyResource> resources, JsonNode topology) {
        this(resources, topology, 0);
    }

    /** Every resource of the stack is listed. */
    public boolean complete() {
        return hiddenResources == 0;
    }

    /**
     * The view a stack rule written for {@code patterns} sees: the resources of those types, and
     * the stack's structure (the root stack, Multisite components, providers) so parents and
     * providers still resolve.
     */
    public StackView selecting(List<String> patterns) {
        return new StackView(resources.stream().filter(r -> isStructure(r.type())
                || patterns.stream().anyMatch(p -> ResourceTypes.matches(p, r.type()))).toList(), topology, hiddenResources);
    }

    private static boolean isStructure(String type) {
        return type.equals(ResourceTypes.ROOT_STACK) || type.startsWith("multisite:") || ResourceTypes.matches(ResourceTypes.PROVIDERS, type);
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

    /** The sites declared in the topology, each as its {@code sites[]} entry. */
    public List<JsonNode> topologySites() {
        return StreamSupport.stream(topology.path("sites").spliterator(), false).toList();
    }

    public Optional<String> environment() {
        return topology.has("environment") ? Optional.of(topology.get("environment").asText()) : Optional.empty();
    }
}
