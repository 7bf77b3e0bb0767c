package dev.multisite.policy.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.multisite.policy.PolicyResource;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Plays the Pulumi engine against the policy pack, as pulumi/pulumi does it (summary in
 * {@code ../shared/upstream/pulumi/ENGINE.md}; pkg/resource/plugin/analyzer_plugin.go,
 * pkg/resource/deploy/step_generator.go, proto/pulumi/analyzer.proto):
 * <ul>
 *   <li>runs the launcher {@code pulumi-analyzer-policy-multisite} itself (no shell in between) with
 *       logging flags, the engine address and {@code .}, in the pack directory, with the stack
 *       config in {@code PULUMI_CONFIG} and the stack's names in {@code PULUMI_*};</li>
 *   <li>takes the first stdout line as the port, and records anything else written to stdout;</li>
 *   <li>calls Handshake, ConfigureStack, GetPluginInfo, GetAnalyzerInfo and Configure in that
 *       order, then {@code Analyze} for every resource (components and the root stack included,
 *       no custom flag, secrets as signature objects, unknowns as the sentinel) and finally
 *       {@code AnalyzeStack} with every resource.</li>
 * </ul>
 */
public final class EngineDriver implements AutoCloseable {
    public static final String STACK = "prod";
    public static final String PROJECT = "multisite";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEMVER = Pattern.compile("v?\\d+\\.\\d+\\.\\d+.*");

    private final Process process;
    private final ManagedChannel channel;
    private final AnalyzerGrpc.AnalyzerBlockingStub stub;
    private final ServerSocket engine;
    private final StringBuilder extraStdout = new StringBuilder();
    private final Thread stdoutReader;
    private AnalyzerInfo info;

    /** Starts the pack in {@code packDir} for a stack whose config is {@code stackConfig}. */
    public static EngineDriver start(Path packDir, Map<String, String> stackConfig, boolean dryRun) {
        try {
            return new EngineDriver(packDir, stackConfig, dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EngineDriver(Path packDir, Map<String, String> stackConfig, boolean dryRun) throws IOException {
        engine = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        String engineAddress = "127.0.0.1:" + engine.getLocalPort();
        var builder = new ProcessBuilder(packDir.resolve("pulumi-analyzer-policy-multisite").toString(),
                "--logtostderr", "-v=9", engineAddress, ".")
                .directory(packDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PULUMI_CONFIG", JSON.writeValueAsString(stackConfig));
        builder.environment().put("PULUMI_PROJECT", PROJECT);
        builder.environment().put("PULUMI_STACK", STACK);
        builder.environment().put("PULUMI_ORGANIZATION", "organization");
        builder.environment().put("PULUMI_DRY_RUN", String.valueOf(dryRun));
        process = builder.start();
        var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = stdout.readLine();
        if (first == null) {
            throw new IllegalStateException("the analyzer exited before printing its port (exit " + waitExit() + ")");
        }
        int port = Integer.parseInt(first.trim());
        if (port < 1 || port > 65535) {
            throw new IllegalStateException("port out of range: " + port);
        }
        stdoutReader = new Thread(() -> stdout.lines().forEach(line -> {
            synchronized (extraStdout) {
                extraStdout.append(line).append('\n');
            }
        }));
        stdoutReader.setDaemon(true);
        stdoutReader.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        stub = AnalyzerGrpc.newBlockingStub(channel);
        handshakeAndConfigure(packDir, stackConfig, dryRun);
    }

    private int waitExit() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private AnalyzerGrpc.AnalyzerBlockingStub call() {
        return stub.withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private void handshakeAndConfigure(Path packDir, Map<String, String> stackConfig, boolean dryRun) {
        call().handshake(AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:" + engine.getLocalPort())
                .setRootDirectory(packDir.toString()).setProgramDirectory(packDir.toString()).build());
        configureStack(stackConfig, dryRun);
        String version = call().getPluginInfo(Empty.getDefaultInstance()).getVersion();
        if (!version.isEmpty() && !SEMVER.matcher(version).matches()) {
            throw new IllegalStateException("GetPluginInfo: version " + version + " is not semver");
        }
        info = call().getAnalyzerInfo(Empty.getDefaultInstance());
        // The engine refuses levels outside 0..3 and config schema properties that are not objects.
        var configure = ConfigureAnalyzerRequest.newBuilder();
        for (var policy : info.getPoliciesList()) {
            if (policy.getEnforcementLevelValue() < 0 || policy.getEnforcementLevelValue() > 3) {
                throw new IllegalStateException(policy.getName() + ": enforcement level " + policy.getEnforcementLevelValue());
            }
            var defaults = Struct.newBuilder();
            policy.getConfigSchema().getProperties().getFieldsMap().forEach((key, schema) -> {
                if (!schema.hasStructValue()) {
                    throw new IllegalStateException(policy.getName() + "." + key + ": config schema property is not an object");
                }
                if (schema.getStructValue().containsFields("default")) {
                    defaults.putFields(key, schema.getStructValue().getFieldsOrThrow("default"));
                }
            });
            configure.putPolicyConfig(policy.getName(), PolicyConfig.newBuilder()
                    .setEnforcementLevel(policy.getEnforcementLevel()).setProperties(defaults).build());
        }
        call().configure(configure.build());
    }

    /** The stack's config, as ConfigureStack carries it (the engine sends it once, before any analysis). */
    public void configureStack(Map<String, String> stackConfig, boolean dryRun) {
        call().configureStack(AnalyzerStackConfigureRequest.newBuilder().setStack(STACK).setProject(PROJECT)
                .setOrganization("organization").setDryRun(dryRun).putAllConfig(stackConfig).build());
    }

    /** Configure with the given policy settings (as --policy-pack-config reaches the pack). */
    public void configure(ConfigureAnalyzerRequest request) {
        call().configure(request);
    }

    public AnalyzerInfo info() {
        return info;
    }

    /** Analyze for every resource, then AnalyzeStack with all of them: every diagnostic. */
    public List<AnalyzeDiagnostic> run(List<PolicyResource> resources) {
        List<AnalyzeDiagnostic> diagnostics = new ArrayList<>();
        for (PolicyResource r : resources) {
            diagnostics.addAll(analyze(r));
        }
        diagnostics.addAll(analyzeStack(resources));
        return diagnostics;
    }

    /**
     * As {@link #run}, in a preview where every custom resource is created on a provider whose
     * configuration is not known yet: Analyze sees its inputs, AnalyzeStack gets no outputs for it
     * (the engine's Create returns an empty map then: provider_plugin.go in pulumi/pulumi).
     */
    public List<AnalyzeDiagnostic> runWithOutputsWithheld(List<PolicyResource> resources) {
        List<AnalyzeDiagnostic> diagnostics = new ArrayList<>();
        for (PolicyResource r : resources) {
            diagnostics.addAll(analyze(r));
        }
        var empty = JSON.createObjectNode();
        diagnostics.addAll(analyzeStack(resources.stream().map(r -> !r.custom() ? r
                : new PolicyResource(r.urn(), r.type(), r.name(), true, r.parent(), r.providerUrn(), r.dependencies(), r.protect(), empty)).toList()));
        return diagnostics;
    }

    public List<AnalyzeDiagnostic> analyze(PolicyResource r) {
        var request = AnalyzeRequest.newBuilder().setUrn(r.urn()).setType(r.type()).setName(r.name())
                .setProperties(wire(r.inputs()))
                .setOptions(AnalyzerResourceOptions.newBuilder().setParent(r.parent()).setProtect(r.protect()));
        provider(r).ifPresent(request::setProvider);
        return call().analyze(request.build()).getDiagnosticsList();
    }

    public List<AnalyzeDiagnostic> analyzeStack(List<PolicyResource> resources) {
        var request = AnalyzeStackRequest.newBuilder();
        for (PolicyResource r : resources) {
            var resource = AnalyzerResource.newBuilder().setUrn(r.urn()).setType(r.type()).setName(r.name())
                    .setProperties(wire(r.inputs())).setParent(r.parent()).addAllDependencies(r.dependencies())
                    .setOptions(AnalyzerResourceOptions.newBuilder().setParent(r.parent()).setProtect(r.protect()));
            provider(r).ifPresent(resource::setProvider);
            request.addResources(resource);
        }
        return call().analyzeStack(request.build()).getDiagnosticsList();
    }

    /**
     * The provider the engine attaches: the resource's own, or for a custom resource that named
     * none the default provider the engine creates for it (source_eval.go); none for components,
     * provider resources and the root stack.
     */
    private static java.util.Optional<AnalyzerProviderResource> provider(PolicyResource r) {
        String urn = r.providerUrn();
        if (urn.isEmpty() && r.custom() && !r.isProvider() && !r.type().equals(PolicyResource.ROOT_STACK_TYPE)) {
            String pkg = r.type().substring(0, r.type().indexOf(':'));
            urn = "urn:pulumi:" + STACK + "::" + PROJECT + "::pulumi:providers:" + pkg + "::default_1_0_0";
        }
        if (urn.isEmpty()) {
            return java.util.Optional.empty();
        }
        // urn:pulumi:<stack>::<project>::<parent types$type>::<name>
        String[] parts = urn.split("::");
        String qualifiedType = parts[2];
        return java.util.Optional.of(AnalyzerProviderResource.newBuilder().setUrn(urn)
                .setType(qualifiedType.substring(qualifiedType.lastIndexOf('$') + 1)).setName(parts[3]).build());
    }

    /** JSON as the engine marshals property values: a "[secret]" becomes a secret signature object. */
    public static Struct wire(JsonNode object) {
        var struct = Struct.newBuilder();
        object.properties().forEach(e -> struct.putFields(e.getKey(), value(e.getValue())));
        return struct.build();
    }

    private static Value value(JsonNode node) {
        if (node.isTextual() && node.asText().equals(StructJson.SECRET)) {
            return Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields(StructJson.SIG_KEY, Value.newBuilder().setStringValue(StructJson.SECRET_SIG).build())
                    .putFields("value", Value.newBuilder().setStringValue("engine-held-secret").build())).build();
        }
        if (node.isTextual()) {
            return Value.newBuilder().setStringValue(node.asText()).build();
        }
        if (node.isNumber()) {
            return Value.newBuilder().setNumberValue(node.asDouble()).build();
        }
        if (node.isBoolean()) {
            return Value.newBuilder().setBoolValue(node.asBoolean()).build();
        }
        if (node.isArray()) {
            var list = ListValue.newBuilder();
            node.forEach(n -> list.addValues(value(n)));
            return Value.newBuilder().setListValue(list).build();
        }
        if (node.isObject()) {
            return Value.newBuilder().setStructValue(wire(node)).build();
        }
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }

    /** What the analyzer wrote to stdout after its port (the engine reads only the port). */
    public String extraStdout() {
        synchronized (extraStdout) {
            return extraStdout.toString();
        }
    }

    @Override
    public void close() throws Exception {
        call().cancel(Empty.getDefaultInstance());
        channel.shutdownNow();
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        stdoutReader.join(5000);
        engine.close();
    }
}
