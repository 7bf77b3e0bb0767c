package dev.multisite.topology;

import dev.multisite.topology.InterconnectGraph.Link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What losing one region (with every site and gateway in it) cuts off the rest of the network. */
final class SharedFate {
    private final InterconnectGraph graph;
    private final InterconnectPaths paths;

    SharedFate(InterconnectGraph graph, InterconnectPaths paths) {
        this.graph = graph;
        this.paths = paths;
    }

    List<String> cutOffWithout(Set<String> down) {
        List<String> survivors = graph.topology().sites().stream().map(SiteSpec::name).filter(n -> !down.contains(n)).toList();
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (String from : survivors) {
            Set<String> reached = paths.tree(from, down).keySet();
            for (String to : survivors) {
                if (!from.equals(to) && !reached.contains(to)) {
                    missing.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                    missing.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
                }
            }
        }
        // Greedy: take out the survivor in the most broken pairs (the first declared on a tie) until none is left.
        List<String> cut = new ArrayList<>();
        while (missing.values().stream().anyMatch(m -> !m.isEmpty())) {
            String worst = survivors.stream().filter(missing::containsKey)
                    .max(Comparator.comparingInt((String n) -> missing.get(n).size()).thenComparing(n -> -survivors.indexOf(n))).orElseThrow();
            cut.add(worst);
            missing.remove(worst).forEach(other -> missing.getOrDefault(other, new LinkedHashSet<>()).remove(worst));
        }
        return survivors.stream().filter(cut::contains).toList();
    }

    /** Pairs of sites with no path, as {@code from -> [to...]}. */
    Map<String, List<String>> unreachable() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (SiteSpec from : graph.topology().sites()) {
            Map<String, Link> tree = paths.tree(from.name(), Set.of());
            for (SiteSpec to : graph.topology().sites()) {
                if (from != to && !tree.containsKey(to.name())) {
                    missing.computeIfAbsent(from.name(), k -> new ArrayList<>()).add(to.name());
                }
            }
        }
        return missing;
    }

    /** Per site whose region's loss cuts others off, the sites it cuts. */
    Map<String, List<String>> cuts() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (SiteSpec site : graph.topology().sites()) {
            var cut = graph.cutOffWithout(site.name());
            if (!cut.isEmpty()) {
                out.put(site.name(), cut);
            }
        }
        return out;
    }

    /** The sites whose region's loss (sparing both ends) leaves no path between a and b. */
    List<String> lossesCutting(String a, String b) {
        Set<String> ends = new LinkedHashSet<>(graph.regionOf(a));
        ends.addAll(graph.regionOf(b));
        return paths.regions().stream().filter(r -> r.stream().noneMatch(ends::contains))
                .filter(r -> graph.pathWithout(a, b, r).isEmpty()).map(r -> r.iterator().next()).toList();
    }
}
