package dev.multisite.fleet.parts;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.network.CloudWan;
import dev.multisite.network.Interconnect;
import dev.multisite.network.LinkSides;
import dev.multisite.network.SiteEnd;
import dev.multisite.network.WanEdge;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links part's sides: every cloud site's end from its site part's outputs, the core network
 * from the wan part's. The link resources go under the interconnect, the providers too.
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

    @Override
    public WanEdge wan(Interconnect interconnect) {
        var home = new Provider(interconnect.name() + "-wan-aws", ProviderArgs.builder().region(CloudWan.HOME_REGION).build(),
                CustomResourceOptions.builder().parent(interconnect).build());
        return new WanEdge(stacks.of(PartGraph.WAN).string(WanFacts.CORE_NETWORK_ID), home, List.of());
    }

    @Override
    public void complete() {
        // The halves are complete in their site parts.
    }
}
