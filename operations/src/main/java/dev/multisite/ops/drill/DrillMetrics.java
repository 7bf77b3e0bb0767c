package dev.multisite.ops.drill;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Computes a {@link DrillReport}'s measurements from the raw timeline: pure, so it is tested alone. */
final class DrillMetrics {
    private DrillMetrics() {
    }

    static DrillReport measure(DrillSpec spec, long injectedAt, Long restoredAt, boolean restored, String restoreError,
                               List<Observation> timeline) {
        String site = spec.site();
        Long detection = null;
        Long convergence = null;
        Long recovery = null;
        long end = restoredAt == null ? Long.MAX_VALUE : restoredAt;
        Map<String, Boolean> excludes = new TreeMap<>();
        Map<String, Boolean> includesAfterRestore = new TreeMap<>();
        Set<String> resolvers = timeline.stream().filter(o -> o.kind() == Observation.Kind.DNS)
                .map(Observation::observer).collect(Collectors.toSet());
        for (Observation o : timeline) {
            if (o.kind() != Observation.Kind.DNS || !o.ok()) {
                continue;
            }
            boolean without = !o.sites().contains(site);
            if (o.atMillis() >= injectedAt && o.atMillis() < end) {
                if (without && detection == null) {
                    detection = o.atMillis() - injectedAt;
                }
                excludes.put(o.observer(), without);
                if (!without) {
                    convergence = null;
                } else if (convergence == null && excludes.keySet().containsAll(resolvers) && !excludes.containsValue(false)) {
                    convergence = o.atMillis() - injectedAt;
                }
            } else if (restoredAt != null && o.atMillis() >= restoredAt) {
                includesAfterRestore.put(o.observer(), !without);
                if (recovery == null && includesAfterRestore.keySet().containsAll(resolvers) && !includesAfterRestore.containsValue(false)) {
                    recovery = o.atMillis() - restoredAt;
                }
            }
        }
        long windowEnd = convergence == null ? end : injectedAt + convergence;
        List<Observation> requests = timeline.stream()
                .filter(o -> o.kind() == Observation.Kind.HTTP && o.atMillis() >= injectedAt && o.atMillis() <= windowEnd).toList();
        long failed = requests.stream().filter(o -> !o.ok()).count();
        List<Observation> survivors = requests.stream().filter(o -> !o.sites().isEmpty() && !o.sites().contains(site)).toList();
        long survivorsFailed = survivors.stream().filter(o -> !o.ok()).count();
        Long firstSurvivor = timeline.stream()
                .filter(o -> o.kind() == Observation.Kind.HTTP && o.atMillis() >= injectedAt && o.atMillis() < end && o.ok()
                        && !o.sites().isEmpty() && !o.sites().contains(site))
                .map(o -> o.atMillis() - injectedAt).findFirst().orElse(null);
        long budget = spec.budget().toMillis();
        boolean passed = restored && convergence != null && convergence <= budget;
        return new DrillReport(site, spec.hostname(), spec.injector().describe(), budget, injectedAt, restoredAt, restored,
                restoreError, detection, convergence, firstSurvivor, requests.isEmpty() ? 0.0 : (double) failed / requests.size(),
                survivors.isEmpty() ? 0.0 : (double) survivorsFailed / survivors.size(), requests.size(), recovery, passed, List.copyOf(timeline));
    }
}
