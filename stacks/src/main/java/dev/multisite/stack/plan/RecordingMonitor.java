package dev.multisite.stack.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's mock monitor, also keeping what the public {@code Mocks} API does not show: each
 * registration's parent, dependencies, provider reference, protect flag and its inputs with the
 * secret markers intact. That is what a preview step needs.
 */
final class RecordingMonitor extends MockMonitor {
    private record Pending(int sequence, RegisterResourceRequest request, String urn) {
    }

    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Pending> registrations = java.util.Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        int order = sequence.getAndIncrement();
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            registrations.add(new Pending(order, request, response.getUrn()));
            return response;
        });
    }

    /** Every registration so far, in the order the program made them. */
    List<PlannedResource> resources() {
        List<Pending> snapshot;
        synchronized (registrations) {
            snapshot = new ArrayList<>(registrations);
        }
        snapshot.sort(Comparator.comparingInt(Pending::sequence));
        return snapshot.stream().map(p -> toPlanned(p.request(), p.urn())).toList();
    }

    private static PlannedResource toPlanned(RegisterResourceRequest request, String urn) {
        Map<String, List<String>> propertyDependencies = new LinkedHashMap<>();
        request.getPropertyDependenciesMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> propertyDependencies.put(e.getKey(), List.copyOf(e.getValue().getUrnsList())));
        return new PlannedResource(urn, request.getType(), request.getName(), request.getCustom(), request.getParent(),
                request.getProvider(), List.copyOf(request.getDependenciesList()), propertyDependencies,
                request.getProtect(), StructJson.toJson(request.getObject()));
    }
}
