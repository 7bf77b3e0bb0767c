package dev.multisite.ops.lab;

import java.time.Duration;

/**
 * A local lab: {@code sites} HTTP sites on loopback, a health checker with the given interval and
 * failure threshold, a DNS server, and {@code resolvers} caching resolvers with the given TTL.
 * {@link #budget()} is the same arithmetic as the traffic layer's Route 53 budget:
 * interval x threshold + TTL (+ one interval of slack for sampling).
 */
public record LabConfig(int sites, Duration checkInterval, int failureThreshold, Duration ttl, int resolvers, String hostname) {
    public LabConfig {
        if (sites < 2 || sites > 50) {
            throw new IllegalArgumentException("lab sites " + sites + " is outside 2..50");
        }
        if (failureThreshold < 1 || resolvers < 1) {
            throw new IllegalArgumentException("failureThreshold and resolvers must be at least 1");
        }
    }

    public Duration detection() {
        return checkInterval.multipliedBy(failureThreshold);
    }

    public Duration budget() {
        return detection().plus(ttl).plus(checkInterval);
    }
}
