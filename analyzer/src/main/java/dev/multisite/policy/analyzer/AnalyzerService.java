package dev.multisite.policy.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.multisite.parts.PartConfig;
import dev.multisite.policy.EnforcementLevel;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;
import dev.multisite.policy.StackView;
import dev.multisite.policy.Violation;
import io.grpc.stub.StreamObserver;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureResponse;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.PolicyConfigSchema;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;
import pulumirpc.AnalyzerOuterClass.PolicySeverity;
import pulumirpc.AnalyzerOuterClass.PolicyType;
import pulumirpc.AnalyzerOuterClass.RemediateResponse;
import pulumirpc.Plugin.PluginInfo;

import java.util.List;

/**
 * The policy pack as a Pulumi analyzer plugin ({@code pulumirpc.Analyzer}): the engine asks for
 * the policies, configures them, then sends every resource ({@code Analyze}, resource rules) and
 * finally the whole stack ({@code AnalyzeStack}, stack rules). The rules are the same objects the
 * offline check runs.
 */
public final class AnalyzerService extends AnalyzerGrpc.AnalyzerImplBase {
    public static final String VERSION = "0.1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile PolicyConfig config = PolicyConfig.DEFAULTS;
    private volatile JsonNode topology;
    /** The part of a fleet-mode stack this stack is ({@code multisite:part}), or null for a whole stack. */
    private volatile String part;
    /** Each resource's inputs as Analyze saw them, by URN: what AnalyzeStack judges where the preview withheld its outputs. */
    private final java.util.Map<String, com.google.protobuf.Struct> analyzedInputs = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param stackConfig the stack config the engine put in {@code PULUMI_CONFIG} (JSON text), or null */
    public AnalyzerService(String stackConfig) {
        var values = stackConfig == null ? java.util.Map.<String, String>of() : readConfig(stackConfig);
        this.topology = topologyOf(values);
        this.part = partOf(values);
    }

    /** {@code part <name>} for a part of a fleet-mode stack: stack-wide rules would see a fraction of the fleet. */
    private static String partOf(java.util.Map<String, String> config) {
        return config.containsKey(PartConfig.PART_KEY) ? StackView.PART + config.get(PartConfig.PART_KEY) : null;
    }

    private static java.util.Map<String, String> readConfig(String json) {
        try {
            var values = new java.util.HashMap<String, String>();
            JSON.readTree(json).properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            return values;
        } catch (Exception e) {
            return java.util.Map.of();
        }
    }

    /** The topology from stack config: {@code multisite:topology} holds it as JSON text. */
    private static JsonNode topologyOf(java.util.Map<String, String> config) {
        String text = config.get("multisite:topology");
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public void handshake(AnalyzerHandshakeRequest request, StreamObserver<AnalyzerHandshakeResponse> response) {
        reply(response, AnalyzerHandshakeResponse.getDefaultInstance());
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> response) {
        reply(response, PluginInfo.newBuilder().setVersion(VERSION).build());
    }

    @Override
    public void getAnalyzerInfo(Empty request, StreamObserver<AnalyzerInfo> response) {
        var info = AnalyzerInfo.newBuilder()
                .setName(PolicyPack.NAME)
                .setDisplayName("Multisite active-active guardrails")
                .setVersion(VERSION)
                .setSupportsConfig(true)
                .setDescription("Policies for multi-site active-active Kubernetes stacks, written in Java.");
        for (Rule rule : PolicyPack.RULES) {
            info.addPolicies(PolicyInfo.newBuilder()
                    .setName(rule.name())
                    .setDisplayName(rule.name())
                    .setDescription(rule.description())
                    .setMessage(rule.why())
                    .setRemediationSteps(rule.fix())
                    .setEnforcementLevel(toProto(config.levels().getOrDefault(rule.name(), rule.defaultLevel())))
                    .setPolicyType(rule.isStackRule() ? PolicyType.POLICY_TYPE_STACK : PolicyType.POLICY_TYPE_RESOURCE)
                    .setSeverity(rule.defaultLevel() == EnforcementLevel.MANDATORY ? PolicySeverity.POLICY_SEVERITY_HIGH : PolicySeverity.POLICY_SEVERITY_MEDIUM)
                    .setConfigSchema(schema(rule))
                    .build());
        }
        reply(response, info.build());
    }

    /** Each rule's parameters as JSON schema properties, with the defaults. */
    private static PolicyConfigSchema schema(Rule rule) {
        var properties = Struct.newBuilder();
        rule.defaults().forEach((key, value) -> properties.putFields(key, Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("type", Value.newBuilder().setStringValue(value instanceof Number ? "number" : "string").build())
                .putFields("default", value instanceof Number n ? Value.newBuilder().setNumberValue(n.doubleValue()).build()
                        : Value.newBuilder().setStringValue(String.valueOf(value)).build()))
                .build()));
        return PolicyConfigSchema.newBuilder().setProperties(properties).build();
    }

    @Override
    public void configure(ConfigureAnalyzerRequest request, StreamObserver<Empty> response) {
        var root = JSON.createObjectNode();
        request.getPolicyConfigMap().forEach((name, policyConfig) -> {
            var entry = root.putObject(name);
            entry.put("level", fromProto(policyConfig.getEnforcementLevel()).key());
            StructJson.toJson(policyConfig.getProperties()).properties().forEach(p -> entry.set(p.getKey(), p.getValue()));
        });
        try {
            config = PolicyConfig.of(root);
        } catch (IllegalArgumentException e) {
            // The engine shows this text: name the setting, not a stack trace.
            response.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription("--policy-pack-config: " + e.getMessage()).asRuntimeException());
            return;
        }
        reply(response, Empty.getDefaultInstance());
    }

    /** The stack's config carries the topology; stack rules that need it (capacity, budget) read it. */
    @Override
    public void configureStack(AnalyzerStackConfigureRequest request, StreamObserver<AnalyzerStackConfigureResponse> response) {
        if (request.getConfigMap().containsKey("multisite:topology")) {
            topology = topologyOf(request.getConfigMap());
        }
        part = partOf(request.getConfigMap());
        reply(response, AnalyzerStackConfigureResponse.getDefaultInstance());
    }

    /**
     * One resource, as the engine sends every registered resource (custom, component, provider and
     * the root stack) before it acts on it: inputs with secrets and unknowns, no {@code custom}
     * flag (pulumi/pulumi pkg/resource/deploy/step_generator.go). Resource rules only.
     */
    @Override
    public void analyze(AnalyzeRequest request, StreamObserver<AnalyzeResponse> response) {
        analyzedInputs.put(request.getUrn(), request.getProperties());
        String provider = PolicyResource.providerUrnOf(request.getProvider().getUrn());
        var resource = new PolicyResource(request.getUrn(), request.getType(), request.getName(),
                PolicyResource.isCustom(request.getType(), provider), request.getOptions().getParent(), provider, List.of(),
                request.getOptions().getProtect(), StructJson.toJson(request.getProperties()));
        var stack = new StackView(List.of(resource), topology);
        reply(response, diagnostics(PolicyPack.evaluate(stack, config).stream()
                .filter(v -> !PolicyPack.rule(v.rule()).isStackRule()).toList()));
    }

    /** Every resource of the deployment (unchanged ones included) with its outputs: stack rules. */
    @Override
    public void analyzeStack(AnalyzeStackRequest request, StreamObserver<AnalyzeResponse> response) {
        var resources = request.getResourcesList().stream().map(this::withOutputsOrInputs).map(AnalyzerService::toPolicyResource).toList();
        var stack = new StackView(resources, topology, 0, part);
        reply(response, diagnostics(PolicyPack.evaluate(stack, config).stream()
                .filter(v -> PolicyPack.rule(v.rule()).isStackRule()).toList()));
    }

    @Override
    public void remediate(AnalyzeRequest request, StreamObserver<RemediateResponse> response) {
        reply(response, RemediateResponse.getDefaultInstance());
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> response) {
        reply(response, Empty.getDefaultInstance());
    }

    /**
     * The resource as AnalyzeStack judges it: with its outputs, or with the inputs Analyze saw where
     * the preview has none. AnalyzeStack sends outputs (step_generator.go in pulumi/pulumi), and in a
     * preview a resource to be created on a provider whose configuration is not known yet (a
     * cluster's kubeconfig before the cluster exists) gets an empty map instead of calling the
     * provider (Create in sdk/go/common/resource/plugin/provider_plugin.go). Its inputs are what it
     * will be created with, so every stack rule reads them rather than concluding on nothing.
     */
    private AnalyzerResource withOutputsOrInputs(AnalyzerResource r) {
        com.google.protobuf.Struct inputs = analyzedInputs.get(r.getUrn());
        if (r.getProperties().getFieldsCount() == 0 && inputs != null && inputs.getFieldsCount() > 0) {
            return r.toBuilder().setProperties(inputs).build();
        }
        return r;
    }

    static PolicyResource toPolicyResource(AnalyzerResource r) {
        String provider = PolicyResource.providerUrnOf(r.getProvider().getUrn());
        String parent = r.getParent().isEmpty() ? r.getOptions().getParent() : r.getParent();
        return new PolicyResource(r.getUrn(), r.getType(), r.getName(), PolicyResource.isCustom(r.getType(), provider), parent, provider,
                List.copyOf(r.getDependenciesList()), r.getOptions().getProtect(), StructJson.toJson(r.getProperties()));
    }

    private static AnalyzeResponse diagnostics(List<Violation> violations) {
        var out = AnalyzeResponse.newBuilder();
        for (Violation v : violations) {
            out.addDiagnostics(AnalyzeDiagnostic.newBuilder()
                    .setPolicyName(v.rule())
                    .setPolicyPackName(PolicyPack.NAME)
                    .setPolicyPackVersion(VERSION)
                    .setDescription(PolicyPack.rule(v.rule()).description())
                    .setMessage(v.message() + "; fix: " + v.fix())
                    .setEnforcementLevel(toProto(v.level()))
                    .setUrn(v.urn())
                    .build());
        }
        return out.build();
    }

    static pulumirpc.AnalyzerOuterClass.EnforcementLevel toProto(EnforcementLevel level) {
        return switch (level) {
            case ADVISORY -> pulumirpc.AnalyzerOuterClass.EnforcementLevel.ADVISORY;
            case MANDATORY -> pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY;
            case DISABLED -> pulumirpc.AnalyzerOuterClass.EnforcementLevel.DISABLED;
        };
    }

    static EnforcementLevel fromProto(pulumirpc.AnalyzerOuterClass.EnforcementLevel level) {
        return switch (level) {
            case MANDATORY, REMEDIATE -> EnforcementLevel.MANDATORY;
            case DISABLED -> EnforcementLevel.DISABLED;
            default -> EnforcementLevel.ADVISORY;
        };
    }

    private static <T> void reply(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }

}
