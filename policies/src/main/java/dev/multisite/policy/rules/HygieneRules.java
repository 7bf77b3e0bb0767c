package dev.multisite.policy.rules;


import static dev.multisite.catalog.ResourceTypes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.policy.Rule;
import dev.multisite.policy.Unknowns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.multisite.policy.EnforcementLevel.MANDATORY;
import static dev.multisite.policy.Rules.resource;
import static dev.multisite.policy.Rules.unless;

/** Secrets and GitOps safety. */
public final class HygieneRules {
    private HygieneRules() {
    }

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|apikey|api_key|privatekey|private_key|sharedkey|kubeconfig|credentials).*");
    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(name|arn|id|ref|file|path|type|mode|audience|seconds|enabled|kind)$");

    public static final Rule NO_PLAINTEXT_SECRETS = resource("no-plaintext-secrets", MANDATORY,
            "No input that looks like a secret (password, token, key, kubeconfig) is plain text.",
            "A plaintext secret lands in state, in preview output and in CI logs.",
            "pass secrets as Pulumi secrets (config --secret, Output.ofSecret)",
            Map.of(), List.of("*"), (r, c) -> {
                List<Rule.Finding> findings = new ArrayList<>();
                walk(r.inputs(), "", (path, value) -> {
                    String key = path.substring(path.lastIndexOf('.') + 1);
                    if (SECRET_KEY.matcher(key).matches() && !REFERENCE_KEY.matcher(key).matches()
                            && value.isTextual() && !value.asText().isEmpty() && !value.asText().equals("[secret]")
                            // Not known during a preview: nothing can be said of it yet.
                            && !Unknowns.isUnknown(value)
                            // Provider inputs arrive as strings: "false" for skipCredentialsValidation is not a
                            // secret, nor is a switch such as passwordAuth: Disabled.
                            && !value.asText().matches("true|false|-?\\d+|Enabled|Disabled")) {
                        findings.add(new Rule.Finding(r.urn(), r.name() + " input " + path.substring(1) + " is plain text",
                                "pass it as a Pulumi secret (config --secret, Output.ofSecret)"));
                    }
                });
                return findings;
            });

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey(), visit));
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, path, visit));
        } else {
            visit.accept(path, node);
        }
    }

    public static final Rule APPLICATIONSETS_PRESERVE = resource("applicationsets-preserve-resources", MANDATORY,
            "ApplicationSets keep syncPolicy.preserveResourcesOnDeletion and never delete Applications on a listing failure.",
            "A transient failure to list clusters must not delete every generated Application and its workloads.",
            "set preserveResourcesOnDeletion: true and applicationsSync: create-update",
            Map.of(), List.of(APPLICATION_SET), (r, c) -> r.type().equals(APPLICATION_SET)
                    ? unless(r.input("spec.syncPolicy.preserveResourcesOnDeletion").asBoolean(false)
                            && !r.input("spec.syncPolicy.applicationsSync").asText("sync").equals("sync"), r.urn(),
                    r.name() + " may delete Applications or their resources", "set preserveResourcesOnDeletion: true and applicationsSync: create-update")
                    : List.of());

    public static final List<Rule> ALL = List.of(NO_PLAINTEXT_SECRETS, APPLICATIONSETS_PRESERVE);
}
