package dev.multisite.ops.drill;

import java.time.Duration;
import java.util.List;

/**
 * What a drill does and what it is held to.
 *
 * @param site          the site taken out of service
 * @param hostname      the global hostname clients use
 * @param injector      how the site is taken out (and put back)
 * @param observers     DNS and HTTP observers sampled every {@code sampleEvery}
 * @param sampleEvery   sampling period
 * @param baseline      how long to observe before injecting
 * @param budget        the failover budget: the worst case the traffic layer promises
 * @param maxWait       give up waiting for convergence after this long (then restore)
 * @param recoveryWait  give up waiting for the site to come back after this long
 */
public record DrillSpec(String site, String hostname, FailureInjector injector, List<Observer> observers,
                        Duration sampleEvery, Duration baseline, Duration budget, Duration maxWait, Duration recoveryWait) {
    public DrillSpec {
        observers = List.copyOf(observers);
        if (observers.stream().noneMatch(o -> o.kind() == Observation.Kind.DNS)) {
            throw new IllegalArgumentException("a drill needs at least one DNS observer to measure convergence");
        }
    }

    /** The same drill with other waits (e.g. a short rehearsal). */
    public DrillSpec withWaits(Duration newMaxWait, Duration newRecoveryWait) {
        return new DrillSpec(site, hostname, injector, observers, sampleEvery, baseline, budget, newMaxWait, newRecoveryWait);
    }
}
