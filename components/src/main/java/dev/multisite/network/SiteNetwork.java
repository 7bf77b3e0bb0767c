package dev.multisite.network;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.site.AksSite;
import dev.multisite.site.EksSite;
import dev.multisite.site.GkeSite;
import dev.multisite.site.Site;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph;

import java.util.List;
import java.util.Optional;

/**
 * A cloud site's half of the interconnect, parented to the site: its gateway (Transit Gateway,
 * HA VPN, VPN gateway), routes to every remote range and the firewall rules from remote nodes.
 * The links themselves are built by {@link Interconnect} between two site networks.
 */
public abstract class SiteNetwork extends ComponentResource {
    protected final Site site;
    protected final InterconnectGraph graph;
    private Output<String> gatewayId = Output.of("");
    private Output<List<String>> routes = Output.of(List.of());

    protected SiteNetwork(String type, Site site, InterconnectGraph graph) {
        super(type, site.name() + "-network", ComponentResourceOptions.builder().parent(site.resource()).build());
        this.site = site;
        this.graph = graph;
    }

    /**
     * The network half of a cloud site; empty for an {@code existing} site, whose half is its own
     * VPN device. A switch expression: a new provider does not compile until it is decided here.
     */
    public static Optional<SiteNetwork> of(Site site, InterconnectGraph graph, List<InterSitePort> ports) {
        return switch (site.provider()) {
            case AWS -> Optional.of(new AwsSiteNetwork((EksSite) site, graph, ports));
            case GCP -> Optional.of(new GcpSiteNetwork((GkeSite) site, graph, ports));
            case AZURE -> Optional.of(new AzureSiteNetwork((AksSite) site, graph, ports));
            case EXISTING -> Optional.empty();
        };
    }

    /** This site's end of its links, with the link resources under this half. */
    public abstract SiteEnd end();

    /** Records the half's gateway (end of its constructor); the outputs are registered by {@link #complete()}. */
    protected void gateway(Output<String> gateway) {
        this.gatewayId = gateway;
    }

    /**
     * Registers the gateway and route plan as the component's outputs. The links are the
     * interconnect's children, not this half's, so the half is complete as soon as it is built.
     */
    public void complete() {
        this.routes = Output.of(graph.routes(site.name()).stream().map(r -> r.destination() + " via " + r.via().name()).toList());
        registerOutputs(java.util.Map.of("gatewayId", gatewayId, "routes", routes));
    }

    /** The site's VPN or transit gateway (Transit Gateway, HA VPN, VPN gateway); "" where it needs none. */
    public Output<String> gatewayId() {
        return gatewayId;
    }

    /** Every remote range this site routes to the interconnect, as {@code <cidr> via <link>}. */
    public Output<List<String>> routes() {
        return routes;
    }

    public Site site() {
        return site;
    }

    /** {@code <site>-net-<role>}: names of this component's children. */
    protected String childName(String role) {
        return site.name() + "-net-" + role;
    }

    /** Routes to the other sites' VPC ranges: where their nodes, and so the mesh's node-to-node traffic, come from. */
    protected List<InterconnectGraph.Route> remoteNodeRoutes() {
        return graph.routes(site.name()).stream()
                .filter(r -> r.destination().equals(graph.site(r.owner()).network().vpcCidr())).toList();
    }

    /** The other sites' VPC ranges as strings, the sources of every firewall rule. */
    protected List<String> remoteNodeRanges() {
        return remoteNodeRoutes().stream().map(r -> r.destination().toString()).toList();
    }
}
