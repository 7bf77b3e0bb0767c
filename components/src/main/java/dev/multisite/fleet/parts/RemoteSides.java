package dev.multisite.fleet.parts;

import dev.multisite.network.Interconnect;
import dev.multisite.network.LinkSides;
import dev.multisite.network.SiteEnd;
import dev.multisite.network.WanEdge;
import dev.multisite.parts.Part;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The links part's sides: every cloud site's end from its site part's outputs. The link resources
 * go under the interconnect, the providers too.
 */
final class RemoteSides implements LinkSides {
    private final Topology topology;
    private final PartStacks stacks;

    RemoteSides(Topology topology, PartStacks stacks) {
        this.topology = topology;
        this.stacks = stacks;
    }

    @Override
    public Map<String, SiteEnd> ends(Interconnect interconnect) {
        Map<String, SiteEnd> ends = new LinkedHashMap<>();
        for (SiteSpec spec : topology.sites()) {
            if (spec.provider() != CloudProvider.EXISTING) {
                StackFacts facts = stacks.of(Part.siteName(spec.name()));
                ends.put(spec.name(), RemoteEnds.of(RemoteSites.of(spec, facts, interconnect), facts, interconnect.graph, interconnect));
            }
        }
        return ends;
    }

    /** The AWS sites' Cloud WAN attachments are the wan-attachments part's. */
    @Override
    public Optional<WanEdge> wan(Interconnect interconnect) {
        return Optional.empty();
    }

    @Override
    public void complete() {
        // The halves are complete in their site parts.
    }
}
