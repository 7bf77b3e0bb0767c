package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The typed view of one resource a rule sees: what a preview step's {@code newState} holds.
 * Inputs are read by the provider's schema names; secrets arrive as {@code "[secret]"}.
 */
public record PolicyResource(String urn, String type, String name, boolean custom, String parent, String provider,
                             List<String> dependencies, boolean protect, JsonNode inputs) {

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** The provider reference without its {@code ::id} suffix. */
    public String providerUrn() {
        int cut = provider == null ? -1 : provider.lastIndexOf("::");
        return cut < 0 ? (provider == null ? "" : provider) : provider.substring(0, cut);
    }

    /** The input at a dotted path ({@code vpcConfig.publicAccessCidrs}), or a missing node. */
    public JsonNode input(String path) {
        JsonNode node = inputs;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }
}
