package dev.multisite.network;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.FirewallArgs;
import com.pulumi.gcp.compute.HaVpnGateway;
import com.pulumi.gcp.compute.HaVpnGatewayArgs;
import com.pulumi.gcp.compute.Router;
import com.pulumi.gcp.compute.RouterArgs;
import com.pulumi.gcp.compute.inputs.FirewallAllowArgs;
import com.pulumi.gcp.compute.inputs.RouterBgpArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.site.GkeSite;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GCP site's half: an HA VPN gateway (two interfaces) and a Cloud Router with the site's ASN in
 * the site's VPC (where the site terminates tunnels; a peered spoke uses its hub's), VPC peerings,
 * and one firewall rule admitting exactly the mesh ports from remote VPC ranges.
 * Cloud Router does not pass routes learned from one peer on to another, so every BGP session
 * announces exactly the ranges the peer routes through this site, in normal operation or after
 * the loss of any one region (custom advertisement; "Unless you configure custom advertisement
 * mode, a Cloud Router only advertises VPC subnet routes":
 * https://cloud.google.com/network-connectivity/docs/router/concepts/overview).
 */
public final class GcpSiteNetwork extends SiteNetwork {
    public static final String TYPE = "multisite:network:GcpSiteNetwork";

    private final GkeSite gke;
    private final HaVpnGateway gateway;
    private final Router router;

    GcpSiteNetwork(GkeSite gke, InterconnectGraph graph, List<InterSitePort> ports) {
        super(TYPE, gke, graph);
        this.gke = gke;
        boolean tunnels = graph.hasTunnels(gke.name());
        this.gateway = !tunnels ? null : new HaVpnGateway(childName("ha-vpn"), HaVpnGatewayArgs.builder()
                .network(gke.networkId())
                .region(gke.region())
                .build(), onGcp());
        this.router = !tunnels ? null : new Router(childName("bgp"), RouterArgs.builder()
                .network(gke.networkId())
                .region(gke.region())
                .bgp(RouterBgpArgs.builder().asn((int) gke.spec().asn()).build())
                .build(), onGcp());
        if (!ports.isEmpty()) {
            Map<String, List<String>> byProtocol = new LinkedHashMap<>();
            ports.forEach(p -> byProtocol.computeIfAbsent(p.protocol(), k -> new ArrayList<>())
                    .addAll(p.isIcmp() ? List.of() : List.of(String.valueOf(p.port()))));
            new Firewall(childName("from-sites"), FirewallArgs.builder()
                    .network(gke.networkId())
                    .direction("INGRESS")
                    .description("Multisite mesh ports from remote sites' VPC ranges")
                    .sourceRanges(remoteNodeRanges())
                    .allows(byProtocol.entrySet().stream().map(e -> FirewallAllowArgs.builder()
                            .protocol(e.getKey()).ports(e.getValue()).build()).toList())
                    .build(), onGcp());
        }
        gateway(gateway == null ? Output.of("") : gateway.id());
    }

    /** This site's end of its links (tunnels, BGP sessions, peerings), under this half. */
    @Override
    public GcpEnd end() {
        return new GcpEnd(gke.spec(), this, gke.gcpProvider(), gke.networkSelfLink(), gateway == null ? null : gateway.id(),
                gateway == null ? null : gateway.vpnInterfaces().applyValue(list -> list.stream().map(i -> i.ipAddress().orElseThrow()).toList()),
                router == null ? null : router.id(), router == null ? null : router.name());
    }

    private CustomResourceOptions onGcp() {
        return CustomResourceOptions.builder().parent(this).provider(gke.gcpProvider()).build();
    }
}
