package dev.multisite.offline;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import dev.multisite.policy.analyzer.StructJson;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's mock monitor, also keeping what the public {@code Mocks} API does not show: each
 * registration's parent, dependencies, provider reference, protect flag and its inputs with the
 * secret markers intact. That is what a preview step needs.
 */
final class RecordingMonitor extends MockMonitor {
    private record Pending(RegisterResourceRequest request, String urn) {
    }

    private final List<Pending> registrations = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> registeredOutputs = new java.util.concurrent.ConcurrentHashMap<>();

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            registrations.add(new Pending(request, response.getUrn()));
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(pulumirpc.Resource.RegisterResourceOutputsRequest request) {
        registeredOutputs.put(request.getUrn(), request.getOutputs().getFieldsMap().keySet().stream().sorted().toList());
        return super.registerResourceOutputsAsync(request);
    }

    /** The output names each component registered (the root stack's are the stack outputs). */
    Map<String, List<String>> registeredOutputs() {
        return new java.util.TreeMap<>(registeredOutputs);
    }

    /**
     * Every registration so far, parents and dependencies before their dependents. The SDK
     * registers asynchronously, so arrival order varies run to run; this order does not (ties are
     * broken by name, then type), which keeps plan files diffable.
     */
    List<PlannedResource> resources() {
        List<PlannedResource> all;
        synchronized (registrations) {
            all = registrations.stream().map(p -> toPlanned(p.request(), p.urn())).toList();
        }
        return DependencyOrder.sort(all);
    }

    private static PlannedResource toPlanned(RegisterResourceRequest request, String urn) {
        // Sorted: the SDK collects dependencies in sets, and the plan must be stable run to run.
        Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
        request.getPropertyDependenciesMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> propertyDependencies.put(e.getKey(), e.getValue().getUrnsList().stream().sorted().toList()));
        return new PlannedResource(urn, request.getType(), request.getName(), request.getCustom(), request.getParent(),
                request.getProvider(), request.getDependenciesList().stream().sorted().toList(), propertyDependencies,
                request.getProtect(), StructJson.toJson(request.getObject()));
    }
}
