package dev.multisite.topology;

import dev.multisite.topology.InterconnectGraph.Link;
import dev.multisite.topology.InterconnectGraph.LinkKind;
import dev.multisite.topology.InterconnectGraph.Route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Paths over a graph's links as the clouds' routing takes them (by link preference, transiting
 * hubs only), the routes they give every site, and the ranges each link carries, in normal
 * operation and after the loss of any one region.
 */
final class InterconnectPaths {
    private final InterconnectGraph graph;

    InterconnectPaths(InterconnectGraph graph) {
        this.graph = graph;
    }

    static Optional<List<Link>> pathIn(Map<String, Link> arrivedBy, String from, String to) {
        if (!from.equals(to) && !arrivedBy.containsKey(to)) {
            return Optional.empty();
        }
        List<Link> path = new ArrayList<>();
        for (String at = to; !at.equals(from); at = arrivedBy.get(at).other(at).name()) {
            path.add(0, arrivedBy.get(at));
        }
        return Optional.of(path);
    }

    /**
     * Cheapest paths from {@code from} by link preference (Dijkstra; ties keep the graph's order),
     * avoiding the sites in {@code down} and transiting hubs only: for every site reached, the
     * link it was reached by.
     */
    Map<String, Link> tree(String from, Set<String> down) {
        record Step(int cost, int order, String site, Link by) {
        }
        Map<String, Link> arrivedBy = new HashMap<>();
        Set<String> settled = new LinkedHashSet<>();
        var queue = new PriorityQueue<Step>(Comparator.comparingInt(Step::cost).thenComparingInt(Step::order));
        int order = 0;
        queue.add(new Step(0, order++, from, null));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            if (!settled.add(step.site())) {
                continue;
            }
            if (step.by() != null) {
                arrivedBy.put(step.site(), step.by());
            }
            if (!step.site().equals(from) && !graph.isHub(step.site())) {
                continue;
            }
            for (Link link : graph.linksOf(step.site())) {
                String next = link.other(step.site()).name();
                if (!down.contains(next) && !settled.contains(next) && (step.by() == null || mayContinue(step.by(), link))) {
                    queue.add(new Step(step.cost() + link.preference().cost, order++, next, link));
                }
            }
        }
        return arrivedBy;
    }

    /**
     * Whether a hub passes traffic that arrived over {@code in} on over {@code out}: never from
     * one peering to another, and over a peering only where it lends the hub's gateway.
     */
    private static boolean mayContinue(Link in, Link out) {
        boolean inPeering = in.kind() == LinkKind.PEERING;
        boolean outPeering = out.kind() == LinkKind.PEERING;
        if (inPeering && outPeering) {
            return false;
        }
        return (!inPeering || in.lendsGateway()) && (!outPeering || out.lendsGateway());
    }

    List<Route> routesIn(Map<String, Link> tree, String site) {
        List<Route> out = new ArrayList<>();
        for (SiteSpec remote : graph.topology().sites()) {
            if (!remote.name().equals(site) && tree.containsKey(remote.name())) {
                Link first = pathIn(tree, site, remote.name()).orElseThrow().get(0);
                remote.routedRanges().forEach(range -> out.add(new Route(range, remote.name(), first)));
            }
        }
        return List.copyOf(out);
    }

    Map<Link, List<Cidr>> rangesByLink(String site) {
        Map<Link, Set<Cidr>> sets = new LinkedHashMap<>();
        List<Set<String>> scenarios = new ArrayList<>();
        scenarios.add(Set.of());
        scenarios.addAll(regions().stream().filter(r -> !r.contains(site)).toList());
        for (Set<String> down : scenarios) {
            for (Route route : routesIn(tree(site, down), site)) {
                sets.computeIfAbsent(route.via(), k -> new LinkedHashSet<>()).add(route.destination());
            }
        }
        Map<Link, List<Cidr>> out = new HashMap<>();
        List<Cidr> order = graph.topology().sites().stream().flatMap(s -> s.routedRanges().stream()).toList();
        sets.forEach((link, ranges) -> out.put(link, order.stream().filter(ranges::contains).toList()));
        return out;
    }

    /** Every region (or on-prem location) that holds sites, as the set of its sites, in declaration order. */
    List<Set<String>> regions() {
        Set<Set<String>> out = new LinkedHashSet<>();
        graph.topology().sites().forEach(s -> out.add(graph.regionOf(s.name())));
        return List.copyOf(out);
    }
}
