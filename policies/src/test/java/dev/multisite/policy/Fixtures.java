package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** Small hand-written stacks: resources in the preview shape, written with single quotes for brevity. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STACK = "urn:pulumi:t::multisite::pulumi:pulumi:Stack::multisite-t";

    private Fixtures() {
    }

    static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static String urn(String type, String name) {
        return "urn:pulumi:t::multisite::" + type + "::" + name;
    }

    /** A site component. */
    static PolicyResource site(String type, String name) {
        return new PolicyResource(urn(type, name), type, name, false, STACK, "", List.of(), false, json("{}"));
    }

    /** A custom resource under a parent, with an explicit provider. */
    static PolicyResource res(String type, String name, String parentUrn, String providerUrn, String inputs) {
        return new PolicyResource(urn(type, name), type, name, true, parentUrn, providerUrn,
                List.of(), false, json(inputs));
    }

    static PolicyResource res(String type, String name, String inputs) {
        return res(type, name, STACK, urn("pulumi:providers:aws", "p"), inputs);
    }

    static PolicyResource protectedRes(String type, String name, String inputs) {
        var r = res(type, name, inputs);
        return new PolicyResource(r.urn(), r.type(), r.name(), true, r.parent(), r.providerUrn(), r.dependencies(), true, r.inputs());
    }

    static StackView stack(String topology, PolicyResource... resources) {
        return new StackView(List.of(resources), json(topology));
    }

    /** Runs one rule with its defaults, as the pack would. */
    static List<Violation> run(String rule, StackView stack) {
        var config = new PolicyConfig(java.util.Map.of(), java.util.Map.of());
        return PolicyPack.evaluate(stack, config).stream().filter(v -> v.rule().equals(rule)).toList();
    }
}
