package dev.multisite.topology;

/**
 * The worst-case time, per DNS backend, from a site failing to clients no longer being sent to it:
 * detection (interval x failure threshold) + propagation + the time cached answers live.
 *
 * <ul>
 *   <li>Route 53: {@value #ROUTE53_PROPAGATION_SECONDS} s for checker results to reach the DNS
 *       answers, then clients may hold the old answer for the record TTL.</li>
 *   <li>Cloudflare proxied: the edge stops sending to the pool {@value #CLOUDFLARE_PROPAGATION_SECONDS}
 *       s after the monitor marks it down; no DNS TTL is involved because clients keep talking to
 *       the edge. DNS-only: the TTL is added, as for Route 53.</li>
 *   <li>Cloud DNS: the Compute Engine health check probes the site's external endpoint from its
 *       three source regions every interval (at least {@value #CLOUDDNS_MINIMUM_INTERVAL_SECONDS} s
 *       with source regions: Compute Engine API, HealthCheck.sourceRegions) and marks it unhealthy
 *       after the unhealthy threshold; Google documents no figure for the health state reaching
 *       the answers, so {@value #CLOUDDNS_PROPAGATION_SECONDS} s is assumed (a drill measures it);
 *       then resolvers keep the old answer for the TTL (Cloud DNS "DNS routing policies and
 *       health checks": resolvers cache until the TTL expires).</li>
 * </ul>
 *
 * @param backend     {@code route53}, {@code cloudflare} or {@code clouddns}
 * @param intervalSeconds the effective check interval (Cloudflare: never below the plan's minimum)
 * @param threshold   consecutive failures
 * @param propagation seconds
 * @param ttl         seconds counted (0 for Cloudflare proxied)
 */
public record FailoverBudget(String backend, int intervalSeconds, int threshold, int propagation, int ttl) {
    public static final int ROUTE53_PROPAGATION_SECONDS = 10;
    public static final int CLOUDFLARE_PROPAGATION_SECONDS = 5;
    /** Assumed, not documented by Google: health state reaching Cloud DNS answers. */
    public static final int CLOUDDNS_PROPAGATION_SECONDS = 30;
    /** A Compute Engine health check with source regions (what public external endpoints need) checks at most this often. */
    public static final int CLOUDDNS_MINIMUM_INTERVAL_SECONDS = 30;

    public static FailoverBudget of(DnsBackend backend, TrafficSettings traffic) {
        var hc = traffic.healthCheck();
        return backend.match(new DnsBackend.Cases<>() {
            @Override
            public FailoverBudget route53(DnsBackend.Route53Backend r53) {
                return new FailoverBudget("route53", hc.intervalSeconds(), hc.failureThreshold(), ROUTE53_PROPAGATION_SECONDS, traffic.ttlSeconds());
            }

            @Override
            public FailoverBudget cloudflare(DnsBackend.CloudflareBackend cf) {
                return new FailoverBudget("cloudflare", Math.max(hc.intervalSeconds(), cf.plan().minimumIntervalSeconds()), hc.failureThreshold(),
                        CLOUDFLARE_PROPAGATION_SECONDS, cf.proxied() ? 0 : traffic.ttlSeconds());
            }

            @Override
            public FailoverBudget clouddns(DnsBackend.CloudDnsBackend gcp) {
                return new FailoverBudget("clouddns", Math.max(hc.intervalSeconds(), CLOUDDNS_MINIMUM_INTERVAL_SECONDS), hc.failureThreshold(),
                        CLOUDDNS_PROPAGATION_SECONDS, traffic.ttlSeconds());
            }
        });
    }

    public int detectionSeconds() {
        return intervalSeconds * threshold;
    }

    public int worstCaseSeconds() {
        return (int) worstCase(java.time.Duration.ofSeconds(intervalSeconds), threshold, java.time.Duration.ofSeconds(propagation),
                java.time.Duration.ofSeconds(ttl)).toSeconds();
    }

    /**
     * The one formula every budget uses (the stack's, the policy that re-checks planned health
     * checks, the lab drill's): detection (interval x threshold) + propagation + TTL. The lab adds
     * its checkers' probe timeout on top (NetLabConfig.budget): its checkers count a failure only
     * when a probe runs out.
     */
    public static java.time.Duration worstCase(java.time.Duration interval, int threshold, java.time.Duration propagation, java.time.Duration ttl) {
        return interval.multipliedBy(threshold).plus(propagation).plus(ttl);
    }

    /** The arithmetic, as the plan summary and error messages show it. */
    public String arithmetic() {
        return backend + ": " + intervalSeconds + " s interval x " + threshold + " failures + " + propagation + " s propagation + "
                + ttl + " s TTL = " + worstCaseSeconds() + " s";
    }
}
