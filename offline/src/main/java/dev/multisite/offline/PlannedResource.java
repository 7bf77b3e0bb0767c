package dev.multisite.offline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One resource registration as the engine received it: the material of one preview step.
 *
 * @param urn                  the resource's URN
 * @param type                 type token, e.g. {@code aws:eks/cluster:Cluster}
 * @param name                 logical name
 * @param custom               true for custom resources and providers, false for components
 * @param parent               parent URN ({@code ""} for the stack itself)
 * @param provider             provider reference {@code <provider urn>::<id>}, or {@code ""}
 * @param dependencies         URNs this resource depends on
 * @param propertyDependencies per input, the URNs it came from
 * @param protect              whether the resource is protected
 * @param inputs               inputs as JSON; secrets already replaced by {@code "[secret]"}
 */
public record PlannedResource(String urn, String type, String name, boolean custom, String parent, String provider,
                              List<String> dependencies, Map<String, List<String>> propertyDependencies,
                              boolean protect, JsonNode inputs) {

    /** Provider resources have types {@code pulumi:providers:<package>}. */
    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** The URN part of the provider reference ({@code urn::id} without the id). */
    public String providerUrn() {
        return dev.multisite.policy.PolicyResource.providerUrnOf(provider);
    }
}
