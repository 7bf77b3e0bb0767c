package dev.multisite.ops.netlab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Turns the checkers' probes into the global name's answer, with Route 53's semantics (Route 53
 * Developer Guide, "How Amazon Route 53 determines whether a health check is healthy"): each checker
 * considers a site unhealthy after {@code threshold} consecutive failures and healthy again after as
 * many successes; a site is healthy when more than 18 % of the checkers consider it healthy. A drained
 * site (the drain switch, an inverted check) is out regardless. When no site is healthy every site
 * is answered, as Route 53 does when all records of a failover set are unhealthy.
 */
public final class HealthAggregator implements AutoCloseable {
    /** Route 53: "If more than 18% of health checkers report that an endpoint is healthy, Route 53 considers it healthy." */
    static final double HEALTHY_SHARE = 0.18;

    private final NetLab lab;
    private final NetLabConfig config;
    /** checker -> site -> streak (> 0 consecutive successes, < 0 consecutive failures). */
    private final Map<String, Map<String, Integer>> streaks = new HashMap<>();
    private final Map<String, Map<String, Boolean>> verdicts = new HashMap<>();
    private final Set<String> drained = new LinkedHashSet<>();
    private List<String> published;
    /** Updates go out one at a time, off the checkers' reader threads. */
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lab-dns-publisher");
        t.setDaemon(true);
        return t;
    });

    HealthAggregator(NetLab lab, NetLabConfig config) {
        this.lab = lab;
        this.config = config;
        this.published = config.siteNames();
    }

    /** One line from a checker: {@code <site> ok|fail}. */
    synchronized void report(String checker, String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2 || !config.siteNames().contains(parts[0])) {
            return;
        }
        String site = parts[0];
        boolean ok = parts[1].equals("ok");
        var siteStreaks = streaks.computeIfAbsent(checker, c -> new HashMap<>());
        int s = siteStreaks.merge(site, ok ? 1 : -1, (old, step) -> Integer.signum(old) == step ? old + step : step);
        var siteVerdicts = verdicts.computeIfAbsent(checker, c -> new HashMap<>());
        if (s <= -config.threshold()) {
            siteVerdicts.put(site, false);
        } else if (s >= config.threshold()) {
            siteVerdicts.put(site, true);
        }
        republish();
    }

    /** The sites Route 53 would consider healthy now. */
    public synchronized List<String> healthy() {
        return config.siteNames().stream().filter(this::healthy).toList();
    }

    private boolean healthy(String site) {
        if (drained.contains(site)) {
            return false;
        }
        long checkers = verdicts.size();
        if (checkers == 0) {
            return true;
        }
        long saysHealthy = verdicts.values().stream().filter(v -> v.getOrDefault(site, true)).count();
        return saysHealthy > HEALTHY_SHARE * checkers;
    }

    /** The drain switch: the site leaves the answers whatever its checks say (plan step "drain"). */
    public synchronized void drain(String site) {
        drained.add(site);
        republish();
    }

    public synchronized void undrain(String site) {
        drained.remove(site);
        republish();
    }

    private void republish() {
        List<String> healthy = healthy();
        List<String> answer = healthy.isEmpty() ? config.siteNames() : healthy;
        if (answer.equals(published)) {
            return;
        }
        List<String> removed = new ArrayList<>(published);
        removed.removeAll(answer);
        List<String> added = new ArrayList<>(answer);
        added.removeAll(published);
        published = answer;
        lab.event("authority: " + NetLabConfig.HOSTNAME + " -> " + answer + (removed.isEmpty() ? "" : " (without " + removed + ")")
                + (added.isEmpty() ? "" : " (with " + added + " again)"));
        List<String> addresses = answer.stream().map(lab::siteAddress).toList();
        publisher.execute(() -> {
            try {
                lab.authority().replace(NetLabConfig.HOSTNAME, addresses);
            } catch (IOException e) {
                lab.event("authority update failed: " + e.getMessage());
            }
        });
    }

    /** What the authority was last told to answer. */
    public synchronized List<String> published() {
        return published;
    }

    @Override
    public void close() {
        publisher.shutdownNow();
    }
}
