package dev.multisite.network;

import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.site.Site;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stack's link sides: each cloud site's network half, built under its site, its link resources
 * under the interconnect (as in fleet mode's links part), and the stack's Cloud WAN under the interconnect. The halves register their outputs once every link exists.
 */
public final class SiteNetworks implements LinkSides {
    private final Topology topology;
    private final List<Site> sites;
    private final Map<String, SiteNetwork> networks = new LinkedHashMap<>();

    public SiteNetworks(Topology topology, List<Site> sites) {
        this.topology = topology;
        this.sites = List.copyOf(sites);
    }

    @Override
    public Map<String, SiteEnd> ends(Interconnect interconnect) {
        List<InterSitePort> ports = InterSitePort.required(topology);
        Map<String, SiteEnd> ends = new LinkedHashMap<>();
        for (Site site : sites) {
            SiteNetwork.of(site, interconnect.graph, ports).ifPresent(n -> {
                networks.put(site.name(), n);
                SiteEnd end = n.end();
                end.moveUnder(interconnect);
                ends.put(site.name(), end);
            });
        }
        return ends;
    }

    @Override
    public Optional<WanEdge> wan(Interconnect interconnect) {
        return Optional.of(new CloudWan(CloudWan.nameIn(interconnect.name()), topology, ComponentResourceOptions.builder().parent(interconnect).build()).edge());
    }

    @Override
    public void complete() {
        networks.values().forEach(SiteNetwork::complete);
    }
}
