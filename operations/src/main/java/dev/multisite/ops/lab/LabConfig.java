package dev.multisite.ops.lab;

import dev.multisite.topology.FailoverBudget;

import java.time.Duration;

/**
 * A local lab: {@code sites} HTTP sites on loopback, a health checker with the given interval and
 * failure threshold, a DNS server, and {@code resolvers} caching resolvers with the given TTL.
 * {@link #budget()} is the traffic layer's formula, with one check interval as the propagation
 * from the checker to the lab's DNS answers.
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

    /** The stack's formula ({@link FailoverBudget#worstCase}); the lab's DNS server picks up a check result within one interval. */
    public Duration budget() {
        return FailoverBudget.worstCase(checkInterval, failureThreshold, checkInterval, ttl);
    }
}
