package dev.multisite.ops.netlab;

import dev.multisite.topology.FailoverBudget;

import java.time.Duration;
import java.util.List;

/**
 * The real lab's shape and the health-check semantics it runs under.
 *
 * @param sites          number of sites ({@code lab-1..lab-N}), each a network namespace with its health app
 * @param checkInterval  health check interval
 * @param threshold      consecutive failures (and successes) before a checker changes its mind
 * @param checkers       health checkers, each in its own namespace
 * @param ttlSeconds     TTL of the global name's records
 * @param primarySite    the site holding the PostgreSQL primary
 * @param replicaSite    the site holding its asynchronous streaming replica
 * @param rpoSeconds     the data tier's recovery point objective
 * @param flavours       the caching resolvers clients sit behind
 */
public record NetLabConfig(int sites, Duration checkInterval, int threshold, int checkers, int ttlSeconds,
                           String primarySite, String replicaSite, int rpoSeconds, List<ResolverFlavour> flavours) {
    public static final String ZONE = "lab.multisite.test";
    public static final String HOSTNAME = "app." + ZONE;
    public static final String DATA_ENDPOINT = "db." + ZONE;

    public NetLabConfig {
        flavours = List.copyOf(flavours);
        if (sites < 2 || sites > 20) {
            throw new IllegalArgumentException("lab sites: " + sites + " is outside 2..20");
        }
        if (threshold < 1 || checkers < 1 || ttlSeconds < 1) {
            throw new IllegalArgumentException("threshold, checkers and ttlSeconds must be at least 1");
        }
        if (primarySite.equals(replicaSite)) {
            throw new IllegalArgumentException("the replica must be in another site than the primary (" + primarySite + ")");
        }
    }

    /** Three sites, primary in lab-1 and replica in lab-2, one-second checks, threshold 2, three checkers, TTL 5 s. */
    public static NetLabConfig standard() {
        return new NetLabConfig(3, Duration.ofSeconds(1), 2, 3, 5, "lab-1", "lab-2", 5, List.of(ResolverFlavour.values()));
    }

    /** The same lab with other resolvers in front of the authority. */
    public NetLabConfig withFlavours(List<ResolverFlavour> chosen) {
        return new NetLabConfig(sites, checkInterval, threshold, checkers, ttlSeconds, primarySite, replicaSite, rpoSeconds, chosen);
    }

    public List<String> siteNames() {
        return java.util.stream.IntStream.rangeClosed(1, sites).mapToObj(i -> "lab-" + i).toList();
    }

    public Duration detection() {
        return checkInterval.multipliedBy(threshold);
    }

    /** How long one checker's probe waits for a site: a cut site's first failure is counted only when it runs out. */
    public Duration probeTimeout() {
        return LabProbe.timeout(checkInterval);
    }

    /**
     * The traffic layer's formula, detection + propagation (one interval, the lab's update to the
     * authority) + TTL, plus the probe timeout: the checkers see a cut link's first failure only when
     * a probe times out, so without it a slow final probe would put a healthy failover over budget.
     */
    public Duration budget() {
        return FailoverBudget.worstCase(checkInterval, threshold, checkInterval, Duration.ofSeconds(ttlSeconds)).plus(probeTimeout());
    }
}
