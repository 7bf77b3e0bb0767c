package dev.multisite.stack.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import com.pulumi.Log;
import com.pulumi.core.internal.OutputData;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.test.Mocks;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionResponse;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.EngineOuterClass.StartDebuggingRequest;
import pulumirpc.Provider.CallResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceCallRequest;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's side of the provider protocol, for a provider plugin running as another process:
 * one real TCP gRPC server on loopback serving both {@code pulumirpc.Engine} (the address the
 * plugin gets as its argument) and {@code pulumirpc.ResourceMonitor} (the address a
 * ConstructRequest names as {@code monitorEndpoint}). Custom resources get their id and outputs
 * from a {@link Mocks} (the project's PlanMocks), so computed values look like the offline
 * plan's; every registration, output, log line and RPC is recorded for assertions.
 */
public final class FakeEngine implements EngineGrpc.AsyncService, ResourceMonitorGrpc.AsyncService, ServerInterceptor,
        AutoCloseable {

    /**
     * The features the real resource monitor answers true to (pulumi/pulumi
     * pkg/resource/deploy/source_eval.go, {@code resmon.SupportsFeature}); anything else is false.
     */
    public static final Set<String> SUPPORTED_FEATURES = Set.of("secrets", "resourceReferences", "outputValues",
            "aliasSpecs", "deletedWith", "transforms", "invokeTransforms", "parameterization");

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String project;
    private final String stack;
    private final Mocks mocks;
    // The SDK's own wire decoder, as its MockMonitor uses it: the mocks see secrets unwrapped and
    // unknowns left out, exactly as they do in the in-process offline plan.
    private final Deserializer deserializer = new Deserializer(Log.ignore());
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> registeredOutputs = new ConcurrentHashMap<>();
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> calls = new ConcurrentSkipListMap<>();
    private final Set<String> featuresAsked = new ConcurrentSkipListSet<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Server server;
    private volatile String rootUrn;

    private FakeEngine(String project, String stack, Mocks mocks) throws IOException {
        this.project = project;
        this.stack = stack;
        this.mocks = mocks;
        // As if the program had already registered its stack: the root every component hangs from.
        this.rootUrn = stackUrn();
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(EngineGrpc.bindService(this), this))
                .addService(ServerInterceptors.intercept(ResourceMonitorGrpc.bindService(this), this))
                .build()
                .start();
    }

    /** Starts serving on a free loopback port. */
    public static FakeEngine start(String project, String stack, Mocks mocks) throws IOException {
        return new FakeEngine(project, stack, mocks);
    }

    /** host:port of both services: the plugin's engine argument and the Construct monitorEndpoint. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public String project() {
        return project;
    }

    public String stack() {
        return stack;
    }

    /** The root stack's URN: what the engine passes as a top-level component's parent. */
    public String stackUrn() {
        return urn(STACK_TYPE, project + "-" + stack, "");
    }

    /** The URN the engine gives a registration: {@code urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>}. */
    public String urn(String type, String name, String parentUrn) {
        String qualifiedType = type;
        if (!parentUrn.isEmpty()) {
            String parentType = parentUrn.split("::", 4)[2];
            // The stack itself is not part of its children's type chain.
            if (!parentType.equals(STACK_TYPE)) {
                qualifiedType = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + qualifiedType + "::" + name;
    }

    /** Every RegisterResource so far, in arrival order. */
    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public Optional<Registration> registration(String type, String name) {
        return registrations.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    /** RegisterResourceOutputs by URN, in the wire's JSON form. */
    public Map<String, JsonNode> registeredOutputs() {
        return Map.copyOf(registeredOutputs);
    }

    /** Engine Log messages as "SEVERITY [urn] message". */
    public List<String> logs() {
        return List.copyOf(logs);
    }

    /** How often each RPC was called, by full method name, including ones answered UNIMPLEMENTED. */
    public Map<String, Integer> calls() {
        return Map.copyOf(calls);
    }

    /** The feature ids the plugin asked SupportsFeature about. */
    public Set<String> featuresAsked() {
        return Set.copyOf(featuresAsked);
    }

    /** Errors this fake answered with (a mock that threw, an unconvertible value). */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** The engine's Configure of a package's default provider (provider_plugin.go, Configure; no config, no args here). */
    public ConfigureRequest configureRequest(String packageName) {
        return ConfigureRequest.newBuilder()
                .setAcceptSecrets(true)            // the engine always accepts secrets back
                .setAcceptResources(true)          // ... and resource references
                .setSendsOldInputs(true)           // the engine sends old inputs to Diff/Update
                .setSendsOldInputsToDelete(true)   // ... and to Delete
                .setUrn(urn("pulumi:providers:" + packageName, "default", stackUrn()))
                .setName("default")                // a default provider's name
                .setType("pulumi:providers:" + packageName)
                .build();
    }

    /** Stops a plugin (if started) and then this engine; for a test's teardown. */
    public void closeWith(PluginProcess plugin) throws InterruptedException {
        if (plugin != null) {
            plugin.close();
        }
        close();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        calls.merge(call.getMethodDescriptor().getFullMethodName(), 1, Integer::sum);
        return next.startCall(call, headers);
    }

    // ---- pulumirpc.Engine

    @Override
    public void log(LogRequest request, StreamObserver<Empty> response) {
        logs.add(request.getSeverity() + (request.getUrn().isEmpty() ? "" : " " + request.getUrn()) + " " + request.getMessage());
        reply(response, Empty.getDefaultInstance());
    }

    @Override
    public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> response) {
        reply(response, GetRootResourceResponse.newBuilder().setUrn(rootUrn).build());
    }

    @Override
    public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> response) {
        rootUrn = request.getUrn();
        reply(response, SetRootResourceResponse.getDefaultInstance());
    }

    @Override
    public void requirePulumiVersion(RequirePulumiVersionRequest request, StreamObserver<RequirePulumiVersionResponse> response) {
        // This fake stands in for any engine version.
        reply(response, RequirePulumiVersionResponse.getDefaultInstance());
    }

    @Override
    public void startDebugging(StartDebuggingRequest request, StreamObserver<Empty> response) {
        reply(response, Empty.getDefaultInstance());
    }

    // ---- pulumirpc.ResourceMonitor

    @Override
    public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
        featuresAsked.add(request.getId());
        reply(response, SupportsFeatureResponse.newBuilder().setHasSupport(SUPPORTED_FEATURES.contains(request.getId())).build());
    }

    @Override
    public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> response) {
        answer(response, () -> {
            String urn = urn(request.getType(), request.getName(), request.getParent());
            registrations.add(new Registration(urn, request.getType(), request.getName(), request.getParent(), request.getCustom(),
                    request.getProvider(), json(request.getObject()), request));
            if (!request.getCustom()) {
                // A component (remote ones included: no second plugin here) is only named by the
                // engine; its outputs come later through RegisterResourceOutputs.
                return CompletableFuture.completedFuture(RegisterResourceResponse.newBuilder().setUrn(urn).build());
            }
            var args = new Mocks.ResourceArgs(request.getType(), request.getName(), toMap(request.getObject()),
                    request.getProvider(), request.getImportId());
            return mocks.newResourceAsync(args).thenApply(result -> RegisterResourceResponse.newBuilder()
                    .setUrn(urn)
                    .setId(result.id.orElse(request.getName() + "_id"))
                    .setObject(struct(result.state))
                    .build());
        });
    }

    @Override
    public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
        answer(response, () -> {
            registeredOutputs.put(request.getUrn(), json(request.getOutputs()));
            return CompletableFuture.completedFuture(Empty.getDefaultInstance());
        });
    }

    @Override
    public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> response) {
        answer(response, () -> {
            String urn = urn(request.getType(), request.getName(), request.getParent());
            var args = new Mocks.ResourceArgs(request.getType(), request.getName(), toMap(request.getProperties()),
                    request.getProvider(), request.getId());
            return mocks.newResourceAsync(args).thenApply(result -> ReadResourceResponse.newBuilder()
                    .setUrn(urn).setProperties(struct(result.state)).build());
        });
    }

    @Override
    public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> response) {
        answer(response, () -> mocks.callAsync(new Mocks.CallArgs(request.getTok(), toMap(request.getArgs()), request.getProvider()))
                .thenApply(result -> ResourceInvokeResponse.newBuilder().setReturn(struct(result)).build()));
    }

    @Override
    public void call(ResourceCallRequest request, StreamObserver<CallResponse> response) {
        answer(response, () -> mocks.callAsync(new Mocks.CallArgs(request.getTok(), toMap(request.getArgs()), request.getProvider()))
                .thenApply(result -> CallResponse.newBuilder().setReturn(struct(result)).build()));
    }

    @Override
    public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> response) {
        // Any stable reference will do: the plugin only hands it back in RegisterResource.packageRef.
        reply(response, RegisterPackageResponse.newBuilder().setRef(request.getName() + "@" + request.getVersion()).build());
    }

    @Override
    public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> response) {
        reply(response, Empty.getDefaultInstance());
    }

    // ---- conversions

    /** The struct as the SDK's MockMonitor gives it to {@link Mocks}: secrets unwrapped, unknowns left out. */
    private ImmutableMap<String, Object> toMap(Struct struct) {
        var map = ImmutableMap.<String, Object>builder();
        struct.getFieldsMap().forEach((key, value) -> {
            OutputData<Object> data = deserializer.deserialize(value);
            if (data.isKnown()) {
                data.getValueOptional().ifPresent(v -> map.put(key, v));
            }
        });
        return map.build();
    }

    /** A mock's plain Java state (maps, lists, strings, numbers, booleans) as a protobuf Struct. */
    private static Struct struct(Object state) {
        try {
            var builder = Struct.newBuilder();
            JsonFormat.parser().merge(JSON.writeValueAsString(state), builder);
            return builder.build();
        } catch (JsonProcessingException | InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The struct's wire form as JSON, Pulumi's signature objects untouched. */
    private static JsonNode json(Struct struct) {
        try {
            return JSON.readTree(JsonFormat.printer().print(struct));
        } catch (JsonProcessingException | InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void reply(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }

    /** Replies with the work's result, or with INTERNAL naming what failed (also kept in {@link #failures()}). */
    private <T> void answer(StreamObserver<T> response, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> future;
        try {
            future = work.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((value, error) -> {
            if (error == null) {
                reply(response, value);
            } else {
                failures.add(error);
                response.onError(Status.INTERNAL.withDescription(String.valueOf(error)).withCause(error).asRuntimeException());
            }
        });
    }
}
