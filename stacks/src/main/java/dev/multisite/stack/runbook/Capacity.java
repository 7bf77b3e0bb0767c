package dev.multisite.stack.runbook;

import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;

/** Capacity arithmetic for "can the others carry the load without this site / provider". */
record Capacity(int total, int withoutSite, Integer peakDemand) {

    static Capacity without(Topology topology, SiteSpec lost) {
        return new Capacity(topology.totalCapacity(), topology.totalCapacity() - lost.capacity(), topology.peakDemand());
    }

    static Capacity withoutProvider(Topology topology, List<SiteSpec> lost) {
        int lostCapacity = lost.stream().mapToInt(SiteSpec::capacity).sum();
        return new Capacity(topology.totalCapacity(), topology.totalCapacity() - lostCapacity, topology.peakDemand());
    }

    boolean coversPeak() {
        return peakDemand == null || withoutSite >= peakDemand;
    }

    String describe() {
        if (peakDemand == null) {
            return withoutSite + " of " + total + " capacity remains (no peakDemand declared to compare with)";
        }
        return withoutSite + " of " + total + " capacity remains against a peak demand of " + peakDemand + ": "
                + (coversPeak() ? "enough, with " + (withoutSite - peakDemand) + " to spare"
                : "NOT enough, short by " + (peakDemand - withoutSite) + "; shed load or scale the survivors now");
    }
}
