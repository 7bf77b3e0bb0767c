package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.multisite.catalog.ResourceTypes;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.TopologyParser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * @param part            for a preview of one part of a fleet-mode stack (its config has
 *                        {@code multisite:part}), {@code part <name>}; for an incomplete set of
 *                        parts, which and what is missing; null for a whole stack
 */
public record StackView(List<PolicyResource> resources, JsonNode topology, int hiddenResources, String part) {
    /** The reason stack-wide rules are not judged on a preview that hides unchanged resources. */
    /** How a single part labels itself ({@link #part}). */
    public static final String PART = "part ";
    static final String HIDDEN = "the preview hides unchanged resources; run `pulumi preview --show-sames --json`";

    public StackView {
        resources = List.copyOf(resources);
        topology = topology == null ? MissingNode.getInstance() : topology;
    }

    public StackView(List<PolicyResource> resources, JsonNode topology, int hiddenResources) {
        this(resources, topology, hiddenResources, null);
    }

    public StackView(List<PolicyResource> resources, JsonNode topology) {
        this(resources, topology, 0);
    }

    /** Every resource of the stack is listed: none hidden, and not one part of a fleet-mode stack. */
    public boolean complete() {
        return hiddenResources == 0 && part == null;
    }

    /** Why stack-wide rules cannot be judged here; empty when they can. */
    public String whyIncomplete() {
        if (part != null) {
            return "the preview is of " + part + " only; stack-wide rules need every part: check all parts' previews together";
        }
        return hiddenResources > 0 ? HIDDEN : "";
    }

    /**
     * The previews of several parts of one fleet-mode stack as one view: complete when they are
     * every part of the topology's {@link PartGraph}, so stack-wide rules see the whole fleet.
     * Refuses previews of different topologies, a whole stack among parts, or a part given twice.
     */
    public static StackView union(List<StackView> parts) {
        JsonNode topology = parts.get(0).topology();
        Set<String> names = new LinkedHashSet<>();
        List<PolicyResource> resources = new ArrayList<>();
        int hidden = 0;
        for (StackView view : parts) {
            if (view.part() == null || !view.part().startsWith(PART)) {
                throw new IllegalArgumentException("a preview of a whole stack (no multisite:part in its config) cannot be checked with parts");
            }
            if (!view.topology().equals(topology)) {
                throw new IllegalArgumentException(view.part() + ": its multisite:topology differs from " + parts.get(0).part()
                        + "'s; the parts of one fleet share one topology");
            }
            if (!names.add(view.part().substring(PART.length()))) {
                throw new IllegalArgumentException(view.part() + ": given twice");
            }
            resources.addAll(view.resources());
            hidden += view.hiddenResources();
        }
        List<String> missing = new ArrayList<>(PartGraph.of(TopologyParser.parse(topology)).names());
        missing.removeAll(names);
        String part = missing.isEmpty() ? null : "parts " + String.join(", ", names) + " (missing " + String.join(", ", missing) + ")";
        // Every part together is the whole stack: the stack-wide rules are judged.
        return new StackView(resources, topology, hidden, part);
    }

    /**
     * The view a stack rule written for {@code patterns} sees: the resources of those types, and
     * the stack's structure (the root stack, Multisite components, providers) so parents and
     * providers still resolve.
     */
    public StackView selecting(List<String> patterns) {
        return new StackView(resources.stream().filter(r -> isStructure(r.type())
                || patterns.stream().anyMatch(p -> ResourceTypes.matches(p, r.type()))).toList(), topology, hiddenResources, part);
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
