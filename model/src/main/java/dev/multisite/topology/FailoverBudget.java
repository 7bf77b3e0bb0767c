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
 * </ul>
 *
 * @param backend     {@code route53} or {@code cloudflare}
 * @param intervalSeconds the effective check interval (Cloudflare: never below the plan's minimum)
 * @param threshold   consecutive failures
 * @param propagation seconds
 * @param ttl         seconds counted (0 for Cloudflare proxied)
 */
public record FailoverBudget(String backend, int intervalSeconds, int threshold, int propagation, int ttl) {
    public static final int ROUTE53_PROPAGATION_SECONDS = 10;
    public static final int CLOUDFLARE_PROPAGATION_SECONDS = 5;

    public static FailoverBudget of(DnsBackend backend, TrafficSettings traffic) {
        var hc = traffic.healthCheck();
        return switch (backend.kind()) {
            case ROUTE53 -> new FailoverBudget("route53", hc.intervalSeconds(), hc.failureThreshold(), ROUTE53_PROPAGATION_SECONDS, traffic.ttlSeconds());
            case CLOUDFLARE -> {
                var cf = backend.cloudflare();
                int interval = Math.max(hc.intervalSeconds(), cf.plan().minimumIntervalSeconds());
                yield new FailoverBudget("cloudflare", interval, hc.failureThreshold(), CLOUDFLARE_PROPAGATION_SECONDS,
                        cf.proxied() ? 0 : traffic.ttlSeconds());
            }
        };
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
     * checks, the lab drill's): detection (interval x threshold) + propagation + TTL.
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
