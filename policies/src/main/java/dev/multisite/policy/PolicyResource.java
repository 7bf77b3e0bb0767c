package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The typed view of one resource a rule sees: what a preview step's {@code newState} holds.
 * Inputs are read by the provider's schema names; secrets arrive as {@code "[secret]"}; the provider
 * is the URN of the explicit provider resource, or empty.
 */
public record PolicyResource(String urn, String type, String name, boolean custom, String parent, String providerUrn,
                             List<String> dependencies, boolean protect, JsonNode inputs) {

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** The URN part of an engine provider reference ({@code <provider urn>::<id>}). */
    public static String providerUrnOf(String reference) {
        if (reference == null) {
            return "";
        }
        // A URN is urn:pulumi:<stack>::<project>::<type>::<name>; a reference appends ::<id>.
        int separators = reference.split("::", -1).length - 1;
        return separators >= 4 ? reference.substring(0, reference.lastIndexOf("::")) : reference;
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
