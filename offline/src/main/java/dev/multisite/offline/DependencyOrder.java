package dev.multisite.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Orders resources so that each comes after its parent, its provider and its dependencies. */
final class DependencyOrder {
    private static final Comparator<PlannedResource> TIE_BREAK =
            Comparator.comparing(PlannedResource::name).thenComparing(PlannedResource::type);

    private DependencyOrder() {
    }

    static List<PlannedResource> sort(List<PlannedResource> resources) {
        Map<String, PlannedResource> byUrn = new HashMap<>();
        resources.forEach(r -> byUrn.put(r.urn(), r));
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<PlannedResource>> dependents = new HashMap<>();
        for (PlannedResource r : resources) {
            List<String> before = new ArrayList<>(r.dependencies());
            before.add(r.parent());
            before.add(r.providerUrn());
            int count = 0;
            for (String urn : before.stream().distinct().toList()) {
                if (byUrn.containsKey(urn) && !urn.equals(r.urn())) {
                    dependents.computeIfAbsent(urn, k -> new ArrayList<>()).add(r);
                    count++;
                }
            }
            waitingOn.put(r.urn(), count);
        }
        PriorityQueue<PlannedResource> ready = new PriorityQueue<>(TIE_BREAK);
        resources.stream().filter(r -> waitingOn.get(r.urn()) == 0).forEach(ready::add);
        List<PlannedResource> ordered = new ArrayList<>(resources.size());
        while (!ready.isEmpty()) {
            PlannedResource next = ready.poll();
            ordered.add(next);
            for (PlannedResource d : dependents.getOrDefault(next.urn(), List.of())) {
                if (waitingOn.merge(d.urn(), -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (ordered.size() != resources.size()) {
            throw new IllegalStateException("the resource graph has a cycle; " + (resources.size() - ordered.size()) + " resources are on it");
        }
        return ordered;
    }
}
