package dev.multisite.standins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.test.Mocks;
import dev.multisite.offline.PlanMocks;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ProviderHandshakeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A STAND-IN resource provider for one package: it speaks the real provider protocol
 * ({@code pulumirpc.ResourceProvider}, pulumi/pulumi proto/pulumi/provider.proto) under the package's
 * name and version, but no cloud is called. {@code Check} validates inputs by type against the
 * pinned SDK's Args classes ({@link DeclaredInputs}); {@code Create} and {@code Update} answer with
 * the offline planner's outputs ({@link PlanMocks}, the one home of what the clouds would answer),
 * and during a preview leave those outputs unknown, as a real provider does; {@code Diff} compares
 * old and new inputs and never asks for a replacement (the SDK jars do not say which inputs force
 * one, so a stand-in cannot know).
 *
 * <p>The engine starts one plugin process per provider resource (pulumi/pulumi pkg/host/host.go,
 * defaultHost.Provider), so one instance serves one configured provider.
 */
final class StandinResourceProvider extends ResourceProviderGrpc.ResourceProviderImplBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StandinPackage pkg;
    private final ResourceClasses classes;
    private final PlanMocks mocks = new PlanMocks();
    /** The configured provider, as the offline planner knows it: {@code <urn>::<id>} (its region, project, ...). */
    private volatile String providerReference = "";

    StandinResourceProvider(StandinPackage pkg, ResourceClasses classes) {
        this.pkg = pkg;
        this.classes = classes;
    }

    @Override
    public void handshake(ProviderHandshakeRequest request, StreamObserver<ProviderHandshakeResponse> response) {
        // Secrets arrive wrapped (and stay so in the answers); resource references arrive as their ids.
        answer(response, () -> ProviderHandshakeResponse.newBuilder().setAcceptSecrets(true).setAcceptResources(false).build());
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> response) {
        answer(response, () -> PluginInfo.newBuilder().setVersion(pkg.version()).build());
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> response) {
        // A stand-in has no schema of its own: the name and version only, and says what it is.
        answer(response, () -> GetSchemaResponse.newBuilder().setSchema(JSON.createObjectNode().put("name", pkg.name())
                .put("version", pkg.version()).put("description", "Multisite STAND-IN for the " + pkg.name()
                        + " provider: no cloud is called; inputs are checked against the pinned Java SDK").toString()).build());
    }

    @Override
    public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> response) {
        answer(response, () -> CheckResponse.newBuilder().setInputs(request.getNews()).build());
    }

    @Override
    public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> response) {
        answer(response, () -> diff(request.hasOldInputs() ? request.getOldInputs() : request.getOlds(), request.getNews(), Set.of()));
    }

    @Override
    public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> response) {
        answer(response, () -> {
            Map<String, Object> config = new LinkedHashMap<>();
            if (request.hasArgs()) {
                config.putAll(PropertyValues.plain(request.getArgs()));
            } else {
                // Legacy form: "<pkg>:config:<key>" or "<pkg>:<key>" to a string.
                request.getVariablesMap().forEach((k, v) -> config.put(k.substring(k.lastIndexOf(':') + 1), v));
            }
            String urn = request.hasUrn() ? request.getUrn() : "urn:pulumi:standin::standin::pulumi:providers:" + pkg.name() + "::default";
            var result = mocks.newResourceAsync(new Mocks.ResourceArgs("pulumi:providers:" + pkg.name(), Urns.name(urn), config, null, null)).join();
            providerReference = urn + "::" + result.id.orElse("");
            return ConfigureResponse.newBuilder().setAcceptSecrets(true).setAcceptResources(false).setSupportsPreview(true).build();
        });
    }

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> response) {
        answer(response, () -> {
            String type = Urns.type(request.getUrn());
            var builder = CheckResponse.newBuilder().setInputs(request.getNews());
            var args = classes.argsClass(type);
            if (args.isEmpty()) {
                if (!pkg.name().equals("kubernetes")) {
                    builder.addFailures(CheckFailure.newBuilder().setProperty("").setReason(request.getUrn() + ": " + type
                            + " is not a resource type of " + pkg.name() + " " + pkg.version() + " (stand-in; checked against the pinned Java SDK)"));
                }
                // The Kubernetes provider takes any custom resource kind: nothing to check by type.
                return builder.build();
            }
            for (var failure : new DeclaredInputs(args.get()).check(request.getUrn(), request.getNews())) {
                builder.addFailures(CheckFailure.newBuilder().setProperty(failure.property()).setReason(failure.reason()));
            }
            return builder.build();
        });
    }

    @Override
    public void diff(DiffRequest request, StreamObserver<DiffResponse> response) {
        answer(response, () -> diff(request.hasOldInputs() ? request.getOldInputs() : request.getOlds(), request.getNews(),
                Set.copyOf(request.getIgnoreChangesList())));
    }

    @Override
    public void create(CreateRequest request, StreamObserver<CreateResponse> response) {
        answer(response, () -> {
            var state = planned(request.getUrn(), request.getProperties(), request.getPreview());
            return CreateResponse.newBuilder().setId(request.getPreview() ? "" : state.id()).setProperties(state.outputs()).build();
        });
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> response) {
        answer(response, () -> UpdateResponse.newBuilder()
                .setProperties(planned(request.getUrn(), request.getNews(), request.getPreview()).outputs()).build());
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> response) {
        // Nothing drifts behind a stand-in's back: the state is what was recorded.
        answer(response, () -> ReadResponse.newBuilder().setId(request.getId()).setProperties(request.getProperties())
                .setInputs(request.getInputs()).build());
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<Empty> response) {
        answer(response, Empty::getDefaultInstance);
    }

    @Override
    public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> response) {
        answer(response, () -> {
            Map<String, Object> args = new LinkedHashMap<>();
            PropertyValues.plain(request.getArgs()).forEach((k, v) -> {
                if (v != null) {
                    args.put(k, v);
                }
            });
            Map<String, Object> result = mocks.callAsync(new Mocks.CallArgs(request.getTok(), ImmutableMap.copyOf(args), providerReference)).join();
            return InvokeResponse.newBuilder().setReturn(PropertyValues.struct(result)).build();
        });
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> response) {
        answer(response, Empty::getDefaultInstance);
    }

    private record Planned(String id, Struct outputs) {
    }

    /**
     * The inputs, plus every output the offline planner adds or computes differently from the
     * inputs: its value after a deployment, unknown during a preview.
     */
    private Planned planned(String urn, Struct inputs, boolean preview) {
        Map<String, Object> plain = PropertyValues.plain(inputs);
        var result = mocks.newResourceAsync(new Mocks.ResourceArgs(Urns.type(urn), Urns.name(urn), plain, providerReference, null)).join();
        Struct.Builder outputs = inputs.toBuilder();
        if (result.state instanceof Map<?, ?> state) {
            state.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!plain.containsKey(key) || !Objects.equals(plain.get(key), v)) {
                    outputs.putFields(key, preview ? PropertyValues.unknown() : PropertyValues.value(v));
                }
            });
        }
        return new Planned(result.id.orElse(Urns.name(urn)), outputs.build());
    }

    /** Changed top-level inputs, as updates; never a replacement (see the class comment). */
    private static DiffResponse diff(Struct olds, Struct news, Set<String> ignored) {
        Set<String> keys = new TreeSet<>(olds.getFieldsMap().keySet());
        keys.addAll(news.getFieldsMap().keySet());
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            if (ignored.contains(key) || key.startsWith("__")) {
                continue;
            }
            Value before = olds.getFieldsMap().get(key);
            Value after = news.getFieldsMap().get(key);
            boolean same = before != null && after != null && !containsUnknown(after)
                    && Objects.equals(PropertyValues.plain(before), PropertyValues.plain(after));
            if (!same && !(before == null && after != null && after.hasNullValue())) {
                changed.add(key);
            }
        }
        return DiffResponse.newBuilder()
                .setChanges(changed.isEmpty() ? DiffResponse.DiffChanges.DIFF_NONE : DiffResponse.DiffChanges.DIFF_SOME)
                .addAllDiffs(changed).build();
    }

    private static boolean containsUnknown(Value v) {
        return switch (v.getKindCase()) {
            case STRING_VALUE -> PropertyValues.isUnknown(v);
            case LIST_VALUE -> v.getListValue().getValuesList().stream().anyMatch(StandinResourceProvider::containsUnknown);
            case STRUCT_VALUE -> v.getStructValue().getFieldsMap().values().stream().anyMatch(StandinResourceProvider::containsUnknown);
            default -> false;
        };
    }

    /** Every call answers once; a failure is a gRPC error the engine shows, never a crash of the plugin. */
    private static <T> void answer(StreamObserver<T> response, Supplier<T> body) {
        T value;
        try {
            value = body.get();
        } catch (RuntimeException e) {
            response.onError(Status.INTERNAL.withDescription("stand-in provider: " + e).asRuntimeException());
            return;
        }
        response.onNext(value);
        response.onCompleted();
    }
}
