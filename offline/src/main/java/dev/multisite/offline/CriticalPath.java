package dev.multisite.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The estimated critical path of a first deployment ({@code pulumi up} on an empty stack) of a
 * plan: the longest chain of creations that must happen one after another, weighted by
 * {@link CreationTimes}, assuming unlimited parallelism otherwise.
 *
 * <p>A resource starts when everything it waits for has finished: its {@code dependencies}, every
 * URN in its {@code propertyDependencies} and its provider resource. Waiting for a component means
 * waiting for every descendant of it (a component itself takes no time and finishes when its last
 * descendant does); waiting for a custom resource does not mean waiting for that resource's
 * children. A resource that waits for one of its own ancestor components waits for the rest of
 * that component, never for itself or its own descendants. Parent links alone are not waits.
 * References to URNs the plan does not hold (default providers the engine creates itself, say) are
 * ignored.
 *
 * <p>Linear in the size of the plan: each resource is evaluated once.
 */
public final class CriticalPath {
    private CriticalPath() {
    }

    /**
     * One resource on the critical path.
     *
     * @param finishSeconds when it finishes, counted from the start of the deployment
     */
    public record Step(String urn, String type, String name, long seconds, long finishSeconds) {
        public long startSeconds() {
            return finishSeconds - seconds;
        }
    }

    /**
     * The estimate: the deployment's duration and the chain of resources that sets it, first to
     * last. Leading resources that finish at 0 (passwords, providers with nothing to wait for) are
     * left out of the chain.
     */
    public record Result(long totalSeconds, List<Step> chain) {
        public Result {
            chain = List.copyOf(chain);
        }

        /** For humans: minutes with one decimal. */
        public String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Critical path of a first deployment: %s min (%d s) over %d resource%s%n",
                    minutes(totalSeconds), totalSeconds, chain.size(), chain.size() == 1 ? "" : "s"));
            if (chain.isEmpty()) {
                return out.toString();
            }
            out.append(String.format(Locale.ROOT, "%8s %8s %8s  %s%n", "start", "takes", "end", "resource (minutes)"));
            for (Step step : chain) {
                out.append(String.format(Locale.ROOT, "%8s %8s %8s  %s %s%n", minutes(step.startSeconds()),
                        minutes(step.seconds()), minutes(step.finishSeconds()), step.type(), step.name()));
            }
            return out.toString();
        }

        private static String minutes(long seconds) {
            return String.format(Locale.ROOT, "%.1f", seconds / 60.0);
        }
    }

    /**
     * Estimates the critical path of a first deployment of the plan.
     *
     * @throws IllegalStateException when the resources wait for each other in a cycle
     */
    public static Result of(Plan plan, CreationTimes times) {
        return new Graph(plan.resources(), times).solve();
    }

    /**
     * Two nodes per resource: {@code F(i) = 2i}, when resource i finishes, and {@code S(i) = 2i+1},
     * when it and all its descendants have finished. A dependency on a custom resource is an edge
     * to its F node, one on a component an edge to its S node.
     */
    private static final class Graph {
        private static final int[] NONE = new int[0];

        private final List<PlannedResource> resources;
        private final Map<String, Integer> index = new HashMap<>();
        private final int[] parent;
        private final List<List<Integer>> children;
        private final long[] own;
        private final int[][] waitsFor;

        Graph(List<PlannedResource> resources, CreationTimes times) {
            this.resources = resources;
            int n = resources.size();
            for (int i = 0; i < n; i++) {
                index.putIfAbsent(resources.get(i).urn(), i);
            }
            parent = new int[n];
            children = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                children.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                Integer p = index.get(resources.get(i).parent());
                parent[i] = p == null || p == i ? -1 : p;
                if (parent[i] >= 0) {
                    children.get(parent[i]).add(i);
                }
            }
            own = new long[2 * n];
            waitsFor = new int[2 * n][];
            for (int i = 0; i < n; i++) {
                PlannedResource r = resources.get(i);
                own[2 * i] = times.seconds(r);
                waitsFor[2 * i] = r.custom() ? finishWaits(i) : NONE;
                int[] subtree = new int[1 + children.get(i).size()];
                subtree[0] = 2 * i;
                for (int c = 0; c < children.get(i).size(); c++) {
                    subtree[c + 1] = 2 * children.get(i).get(c) + 1;
                }
                waitsFor[2 * i + 1] = subtree;
            }
        }

        /** The nodes custom resource i waits for before it can start. */
        private int[] finishWaits(int i) {
            PlannedResource r = resources.get(i);
            Set<String> urns = new LinkedHashSet<>(r.dependencies());
            r.propertyDependencies().values().forEach(urns::addAll);
            if (!r.providerUrn().isEmpty()) {
                urns.add(r.providerUrn());
            }
            Set<Integer> nodes = new LinkedHashSet<>();
            for (String urn : urns) {
                Integer j = index.get(urn);
                if (j == null || j == i) {
                    continue;
                }
                if (resources.get(j).custom()) {
                    nodes.add(2 * j);
                } else if (isAncestor(j, i)) {
                    nodes.addAll(restOfAncestor(j, i));
                } else {
                    nodes.add(2 * j + 1);
                }
            }
            return nodes.stream().mapToInt(Integer::intValue).toArray();
        }

        private boolean isAncestor(int ancestor, int of) {
            int steps = 0;
            for (int p = parent[of]; p >= 0; p = parent[p]) {
                if (p == ancestor) {
                    return true;
                }
                if (++steps > resources.size()) {
                    throw new IllegalStateException("the parent links have a cycle through " + describe(of));
                }
            }
            return false;
        }

        /** Everything under ancestor component a except i and i's own descendants. */
        private List<Integer> restOfAncestor(int a, int i) {
            List<Integer> path = new ArrayList<>();
            for (int p = i; p != a; p = parent[p]) {
                path.add(p);
            }
            path.add(a);
            Collections.reverse(path); // a, ..., i
            List<Integer> nodes = new ArrayList<>();
            for (int k = 0; k < path.size() - 1; k++) {
                int on = path.get(k);
                if (k > 0 && resources.get(on).custom()) {
                    nodes.add(2 * on);
                }
                for (int c : children.get(on)) {
                    if (c != path.get(k + 1)) {
                        nodes.add(2 * c + 1);
                    }
                }
            }
            return nodes;
        }

        Result solve() {
            int m = own.length;
            long[] finish = new long[m];
            int[] slowest = new int[m];
            byte[] state = new byte[m]; // 0 unvisited, 1 on the stack, 2 done
            int[] stack = new int[m];
            int[] next = new int[m];
            for (int root = 0; root < m; root++) {
                if (state[root] != 0) {
                    continue;
                }
                int top = 0;
                stack[0] = root;
                next[0] = 0;
                state[root] = 1;
                while (top >= 0) {
                    int node = stack[top];
                    int[] before = waitsFor[node];
                    if (next[top] < before.length) {
                        int p = before[next[top]++];
                        if (state[p] == 0) {
                            state[p] = 1;
                            stack[++top] = p;
                            next[top] = 0;
                        } else if (state[p] == 1) {
                            throw new IllegalStateException(cycleMessage(stack, top, p));
                        }
                        continue;
                    }
                    long start = 0;
                    int slow = -1;
                    for (int p : before) { // the first of the slowest wins a tie
                        if (slow < 0 || finish[p] > start) {
                            start = finish[p];
                            slow = p;
                        }
                    }
                    finish[node] = start + own[node];
                    slowest[node] = slow;
                    state[node] = 2;
                    top--;
                }
            }
            int end = -1;
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i).custom() && (end < 0 || finish[2 * i] > finish[end])) {
                    end = 2 * i;
                }
            }
            if (end < 0) {
                return new Result(0, List.of());
            }
            List<Step> chain = new ArrayList<>();
            for (int node = end; node >= 0 && finish[node] > 0; node = slowest[node]) {
                if (node % 2 == 0 && resources.get(node / 2).custom()) {
                    PlannedResource r = resources.get(node / 2);
                    chain.add(new Step(r.urn(), r.type(), r.name(), own[node], finish[node]));
                }
            }
            Collections.reverse(chain);
            return new Result(finish[end], chain);
        }

        /** "a waits for b waits for ... a", from the DFS stack. */
        private String cycleMessage(int[] stack, int top, int repeated) {
            int from = top;
            while (stack[from] != repeated) {
                from--;
            }
            List<String> names = new ArrayList<>();
            int last = -1;
            for (int k = from; k <= top + 1; k++) {
                int resource = (k <= top ? stack[k] : repeated) / 2;
                if (resource != last) {
                    names.add(describe(resource));
                    last = resource;
                }
            }
            return "the resource graph has a cycle, so no deployment order exists: " + String.join(" waits for ", names);
        }

        private String describe(int i) {
            PlannedResource r = resources.get(i);
            return r.name() + " (" + r.type() + ")";
        }
    }
}
