package dev.multisite.topology;

import java.util.List;
import java.util.Optional;

/**
 * The whole multi-site topology of one stack: the value of stack config key {@code multisite:topology}.
 * Instances returned by {@link TopologyParser} have passed every invariant.
 *
 * @param domain      the DNS domain the stack's names live under (e.g. {@code example.com})
 * @param environment what the stack is for; default {@code production}
 * @param peakDemand  the global peak traffic, in the unit of the sites' {@code capacity}; optional
 * @param sites       two or more sites
 */
public record Topology(String domain, Environment environment, Integer peakDemand, List<SiteSpec> sites) {
    public Topology {
        environment = environment == null ? Environment.PRODUCTION : environment;
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    public Optional<SiteSpec> site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public int totalCapacity() {
        return sites.stream().mapToInt(SiteSpec::capacity).sum();
    }
}
