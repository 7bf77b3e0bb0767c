package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.List;

/**
 * The typed view of one resource a rule sees: what a preview step's {@code newState} holds.
 * Inputs are read by the provider's schema names; secrets arrive as {@code "[secret]"}; the provider
 * is the URN of the explicit provider resource, or empty.
 */
public record PolicyResource(String urn, String type, String name, boolean custom, String parent, String providerUrn,
                             List<String> dependencies, boolean protect, JsonNode inputs) {

    public static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
    private static final java.util.regex.Pattern DEFAULT_PROVIDER_NAME = java.util.regex.Pattern.compile("default(_.*)?");

    public boolean isProvider() {
        return isProviderType(type);
    }

    static boolean isProviderType(String type) {
        return type.startsWith("pulumi:providers:");
    }

    /**
     * Whether an engine request (which has no {@code custom} field) describes a custom resource.
     * The engine gives every custom resource a provider reference, the default provider when the
     * program named none (pulumi/pulumi pkg/resource/deploy/source_eval.go, RegisterResource), and
     * passes it in {@code AnalyzeRequest.provider}; provider resources are custom and have none;
     * component resources and the root stack have none.
     */
    public static boolean isCustom(String type, String providerUrn) {
        return isProviderType(type) || !ROOT_STACK_TYPE.equals(type) && providerUrn != null && !providerUrn.isEmpty();
    }

    /** The provider is one the engine made by default ({@code default} or {@code default_<version>}). */
    public boolean usesDefaultProvider() {
        return !providerUrn.isEmpty() && DEFAULT_PROVIDER_NAME.matcher(providerUrn.substring(providerUrn.lastIndexOf("::") + 2)).matches();
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

    /**
     * The input at a dotted path ({@code vpcConfig.publicAccessCidrs}), or a missing node. A path
     * that runs into a value not known during a preview reads as missing, and the read is reported
     * to the evaluation ({@link Unknowns}), so no rule concludes a violation from it. The read is
     * recorded for the rule coverage test ({@link InputReads}).
     */
    public JsonNode input(String path) {
        return read(inputs, path, path);
    }

    /**
     * Whether the input at a dotted path is set, known or not during a preview (a value that is
     * not known yet is still set). Recorded like {@link #input}.
     */
    public boolean has(String path) {
        JsonNode node = inputs;
        for (String part : path.split("\\.")) {
            node = node == null || Unknowns.isUnknown(node) ? null : node.get(part);
        }
        boolean set = node != null && !node.isNull();
        InputReads.record(type, path, set);
        return set;
    }

    /**
     * The elements of the list input at {@code path} ({@code agentPoolProfiles}), each read through
     * {@link Element#input}, so that a field read inside an element is checked like any other path
     * ({@code agentPoolProfiles[].minCount}). Empty when the path holds no list.
     */
    public List<Element> elements(String path) {
        JsonNode list = input(path);
        List<Element> out = new java.util.ArrayList<>();
        if (list.isArray()) {
            list.forEach(value -> out.add(new Element(this, path + "[]", value)));
        }
        return out;
    }

    /** One element of a list input; {@link #input} reads a field of it as {@code <list>[].<field>}. */
    public record Element(PolicyResource owner, String listPath, JsonNode value) {
        public JsonNode input(String path) {
            return owner.read(value, path, listPath + "." + path);
        }
    }

    private JsonNode read(JsonNode from, String path, String fullPath) {
        JsonNode node = from;
        for (String part : path.split("\\.")) {
            if (Unknowns.isUnknown(node)) {
                Unknowns.recordRead(urn, fullPath);
                // Not known yet, so not evidence that the path exists.
                InputReads.record(type, fullPath, false);
                return MissingNode.getInstance();
            }
            node = node == null ? null : node.get(part);
        }
        InputReads.record(type, fullPath, node != null && !node.isMissingNode() && !node.isNull());
        if (Unknowns.containsUnknown(node)) {
            Unknowns.recordRead(urn, fullPath);
            return Unknowns.isUnknown(node) ? MissingNode.getInstance() : node;
        }
        return node == null ? MissingNode.getInstance() : node;
    }

}
