package dev.multisite.stack.fleet.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartConfig;
import dev.multisite.topology.CloudProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A fleet as Pulumi Kubernetes Operator {@code Stack} resources ({@code pulumi.com/v1}), one per
 * part, for a management cluster: each names its part stack, the git source, the fleet's config
 * plus {@code multisite:part} and {@code multisite:fleetStack}, and the Stack resources of the parts
 * it depends on as {@code spec.prerequisites}, so the operator runs the parts in graph order.
 *
 * <p>Every field is one the operator's CRD defines (pulumi/pulumi-kubernetes-operator
 * deploy/crds/pulumi.com_stacks.yaml, version v1; FleetExportTest validates against it). Secrets
 * never appear: credentials and secret config are references to Kubernetes Secrets by name and key.
 * How the operator reads them (operator/internal/controller/pulumi/stack_controller.go): each
 * {@code envRefs} entry becomes a workspace environment variable from a {@code secretKeyRef}; each
 * {@code secretsRef} key is a stack config key set as a secret from the mounted Secret; a
 * prerequisite without a requirement only needs its Stack's last update to have succeeded, and the
 * prerequisite must be a Stack in the same namespace.
 */
public final class OperatorStacks {
    public static final String API_VERSION = "pulumi.com/v1";
    public static final String KIND = "Stack";
    /** The CRD's x-kubernetes-validations rule on v1 Stacks: {@code size(self.metadata.name) <= 42}. */
    public static final int MAX_NAME_LENGTH = 42;
    /** The Pulumi project name, from Pulumi.yaml; the operator's stack is {@code <org>/<project>/<stack>}. */
    public static final String PROJECT = "multisite";
    /** The key the operator's own examples and deprecated accessTokenSecret field use for the Pulumi token. */
    public static final String ACCESS_TOKEN_KEY = "accessToken";
    /** A Kubernetes object name: a DNS-1123 subdomain (lower case, digits, '-', '.'). */
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** A key in a Secret's data. */
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    /** A Go duration, as metav1.Duration parses it (time.ParseDuration): e.g. 30m, 1h, 1h30m. */
    private static final Pattern DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    private OperatorStacks() {
    }

    /**
     * What the Stack resources point at.
     *
     * @param organization           the Pulumi organization of the part stacks
     * @param repo                   the git URL the operator clones (required: no default would be right)
     * @param branch                 the branch to follow; exclusive with commit
     * @param commit                 the commit to deploy; exclusive with branch
     * @param repoDir                the directory holding Pulumi.yaml, or null for the repository root
     * @param namespace              the namespace of the Stack resources and the Secrets, or null for the current one
     * @param accessTokenSecret      the Secret with the Pulumi access token under key {@value #ACCESS_TOKEN_KEY}
     * @param cloudCredentialsSecret the Secret with each cloud's credential variables, keyed by variable name
     * @param secretConfigSecret     the Secret with the fleet's secret config, keyed by config key without {@code multisite:}
     * @param prerequisiteMaxAge     if set, a prerequisite must have succeeded within this Go duration (else the operator re-runs it first)
     * @param serviceAccount         the workspace's Kubernetes service account, or null for the operator's default
     */
    public record Options(String organization, String repo, String branch, String commit, String repoDir, String namespace,
                          String accessTokenSecret, String cloudCredentialsSecret, String secretConfigSecret,
                          String prerequisiteMaxAge, String serviceAccount) {
        public Options {
            if (repo == null || repo.isBlank()) {
                throw new IllegalArgumentException("--repo: required for --engine operator; name the git URL the operator clones, e.g. --repo https://github.com/acme/infra.git");
            }
            GitSource.requireRepo(repo);
            if (branch != null) {
                GitSource.requireBranch(branch);
            }
            if (repoDir != null) {
                GitSource.requireRepoDir(repoDir);
            }
            if (branch != null && commit != null) {
                throw new IllegalArgumentException("--branch and --commit: give one; the operator follows a branch or deploys one commit");
            }
            if (branch == null && commit == null) {
                branch = "main";
            }
            if (commit != null && !COMMIT.matcher(commit).matches()) {
                throw new IllegalArgumentException("--commit: '" + commit + "' is not a commit hash; give 7 to 64 lower-case hex digits");
            }
            if (prerequisiteMaxAge != null && !DURATION.matcher(prerequisiteMaxAge).matches()) {
                throw new IllegalArgumentException("--prerequisite-max-age: '" + prerequisiteMaxAge + "' is not a duration; use e.g. 30m, 1h or 1h30m");
            }
            requireName("--organization", organization, Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}"));
            requireObjectName("--namespace", namespace);
            requireObjectName("--access-token-secret", accessTokenSecret);
            requireObjectName("--cloud-credentials-secret", cloudCredentialsSecret);
            requireObjectName("--secret-config-secret", secretConfigSecret);
            requireObjectName("--service-account", serviceAccount);
        }

        /** The options with the defaults for everything but the repository. */
        public static Options defaults(String fleetStack, String repo) {
            return new Options("organization", repo, null, null, null, null, "pulumi-api-secret", "multisite-cloud-credentials",
                    defaultSecretConfigSecret(fleetStack), null, null);
        }

        public Options withPrerequisiteMaxAge(String maxAge) {
            return new Options(organization, repo, branch, commit, repoDir, namespace, accessTokenSecret, cloudCredentialsSecret,
                    secretConfigSecret, maxAge, serviceAccount);
        }
    }

    /** {@code multisite-<fleet stack>-secret-config}, lower-cased into a Kubernetes name. */
    public static String defaultSecretConfigSecret(String fleetStack) {
        return "multisite-" + fleetStack.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") + "-secret-config";
    }

    /** The file the CLI writes: every Stack, one YAML document each, in deploy order. */
    public static String fileName(String fleetStack) {
        return "fleet-" + fleetStack + "-stacks.yaml";
    }

    /** The Stack resource of a part: named like its Pulumi stack, checked against the CRD's limits. */
    public static String resourceName(FleetSource fleet, String part) {
        String name = fleet.partStack(part);
        if (!OBJECT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("part stack " + name + ": not a Kubernetes object name for its Stack resource;"
                    + " use a stack name of lower-case letters, digits and '-'");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("part stack " + name + ": " + name.length() + " characters; the operator's Stack resource name"
                    + " allows at most " + MAX_NAME_LENGTH + " (CRD rule on metadata.name); use a shorter stack name");
        }
        return name;
    }

    /** One Stack resource per part, in deploy order. */
    public static List<ObjectNode> stacks(FleetSource fleet, Options options) {
        for (String reserved : List.of(PartConfig.PART_KEY, PartConfig.FLEET_STACK_KEY)) {
            if (fleet.config().containsKey(reserved)) {
                throw new IllegalArgumentException("config key " + reserved + " is set in the fleet stack file; the export sets it per part, remove it");
            }
        }
        List<ObjectNode> stacks = new ArrayList<>();
        for (Part part : fleet.graph().parts()) {
            stacks.add(stack(fleet, options, part));
        }
        return stacks;
    }

    /** The Stack resources as one multi-document YAML file. */
    public static String yaml(FleetSource fleet, List<ObjectNode> stacks) {
        return ExportYaml.documents(List.of(
                "Pulumi Kubernetes Operator Stack resources for fleet stack " + fleet.fleetStack() + ", one per part, in deploy order.",
                "Generated by `./multisite fleet export --engine operator`; apply to the management cluster with kubectl apply -f.",
                "Secrets are references by name: create the Secrets they name in the same namespace first."), stacks);
    }

    private static ObjectNode stack(FleetSource fleet, Options options, Part part) {
        ObjectNode stack = ExportYaml.object();
        stack.put("apiVersion", API_VERSION);
        stack.put("kind", KIND);
        ObjectNode metadata = stack.putObject("metadata");
        metadata.put("name", resourceName(fleet, part.name()));
        if (options.namespace() != null) {
            metadata.put("namespace", options.namespace());
        }
        ObjectNode labels = metadata.putObject("labels");
        labels.put("app.kubernetes.io/part-of", PROJECT);
        labels.put("multisite.dev/part", part.name());

        ObjectNode spec = stack.putObject("spec");
        spec.put("stack", options.organization() + "/" + PROJECT + "/" + fleet.partStack(part.name()));
        spec.put("projectRepo", options.repo());
        if (options.branch() != null) {
            spec.put("branch", options.branch());
        } else {
            spec.put("commit", options.commit());
        }
        if (options.repoDir() != null) {
            spec.put("repoDir", options.repoDir());
        }
        spec.set("config", config(fleet, part));
        ObjectNode secrets = secretsRef(fleet, options);
        if (!secrets.isEmpty()) {
            spec.set("secretsRef", secrets);
        }
        spec.set("envRefs", envRefs(fleet, options));
        if (!part.dependsOn().isEmpty()) {
            ArrayNode prerequisites = spec.putArray("prerequisites");
            for (String dependency : part.dependsOn()) {
                ObjectNode prerequisite = prerequisites.addObject();
                prerequisite.put("name", resourceName(fleet, dependency));
                if (options.prerequisiteMaxAge() != null) {
                    prerequisite.putObject("requirement").put("succeededWithinDuration", options.prerequisiteMaxAge());
                }
            }
        }
        // Deleting a Stack resource must never tear down a site.
        spec.put("destroyOnFinalize", false);
        if (options.serviceAccount() != null) {
            spec.put("serviceAccountName", options.serviceAccount());
        }
        return stack;
    }

    /** The fleet's plain config (the topology and the rest), then the part's own two keys. */
    private static ObjectNode config(FleetSource fleet, Part part) {
        ObjectNode config = ExportYaml.object();
        for (Map.Entry<String, JsonNode> entry : fleet.config().entrySet()) {
            if (!FleetSource.isSecret(entry.getValue())) {
                config.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        config.put(PartConfig.PART_KEY, part.name());
        config.put(PartConfig.FLEET_STACK_KEY, fleet.fleetStack());
        return config;
    }

    /** Every secure config key of the fleet, from one Secret: key {@code multisite:x} reads Secret key {@code x}. */
    private static ObjectNode secretsRef(FleetSource fleet, Options options) {
        ObjectNode refs = ExportYaml.object();
        for (Map.Entry<String, JsonNode> entry : fleet.config().entrySet()) {
            if (FleetSource.isSecret(entry.getValue())) {
                refs.set(entry.getKey(), secretRef(options.secretConfigSecret(), secretKey(entry.getKey())));
            }
        }
        return refs;
    }

    /** The Secret key of a config key: {@code multisite:cloudflare-api-token} -> {@code cloudflare-api-token} (as MULTISITE_SECRET_CONFIG names them). */
    static String secretKey(String configKey) {
        String key = configKey.startsWith("multisite:") ? configKey.substring("multisite:".length()) : configKey.replace(':', '.');
        if (!SECRET_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("config key " + configKey + ": cannot be a Kubernetes Secret key; rename it with letters, digits, '-', '_' and '.'");
        }
        return key;
    }

    private static ObjectNode envRefs(FleetSource fleet, Options options) {
        ObjectNode refs = ExportYaml.object();
        refs.set("PULUMI_ACCESS_TOKEN", secretRef(options.accessTokenSecret(), ACCESS_TOKEN_KEY));
        for (CloudProvider cloud : CloudCredentials.clouds(fleet.topology())) {
            for (String variable : CloudCredentials.environment(cloud)) {
                refs.set(variable, secretRef(options.cloudCredentialsSecret(), variable));
            }
        }
        return refs;
    }

    /** A ResourceRef of selector type Secret (CRD: type is one of Env, FS, Secret, Literal). */
    private static ObjectNode secretRef(String secret, String key) {
        ObjectNode ref = ExportYaml.object();
        ref.put("type", "Secret");
        ObjectNode selector = ref.putObject("secret");
        selector.put("name", secret);
        selector.put("key", key);
        return ref;
    }

    private static void requireObjectName(String option, String value) {
        if (value != null && (!OBJECT_NAME.matcher(value).matches() || value.length() > 253)) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a Kubernetes object name; use lower-case letters, digits, '-' and '.'");
        }
    }

    private static void requireName(String option, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a Pulumi organization name; use letters, digits, '-', '_' and '.'");
        }
    }
}
