package dev.multisite.stack.runbook;

import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;

import java.util.List;

/**
 * What happens to the private paths when a hub's region is lost, and how to watch it happen: BGP
 * sessions to the hub drop, its routes are withdrawn, and every spoke and peer hub uses the routes
 * it already learns from the provider's second hub. Nothing is changed by hand.
 *
 * <p>Commands as their references give them: Network Manager {@code GetNetworkRoutes} with a
 * {@code RouteTableIdentifier} of {@code CoreNetworkSegmentEdge} (CoreNetworkId, SegmentName,
 * EdgeLocation; docs.aws.amazon.com/networkmanager/latest/APIReference/API_RouteTableIdentifier.html),
 * {@code aws ec2 search-transit-gateway-routes} (a {@code --filters} value is required),
 * {@code aws ec2 describe-vpn-connections} ({@code VgwTelemetry}), {@code gcloud compute routers
 * get-status} ({@code result.bgpPeerStatus}, {@code result.bestRoutes}) and {@code az network
 * vnet-gateway list-bgp-peer-status} / {@code list-learned-routes}.
 */
final class InterconnectPathChange {
    private InterconnectPathChange() {
    }

    static void append(Markdown md, InterconnectGraph graph, SiteSpec hub) {
        List<SiteSpec> pair = graph.hubs().get(hub.provider());
        String second = pair.stream().filter(h -> !h.equals(hub)).map(SiteSpec::name).findFirst().orElse(null);
        String which = pair.size() == 1 ? "the only" : pair.get(0).equals(hub) ? "the first" : "the second";
        md.p("**Interconnect:** `" + hub.name() + "` is " + which + " " + hub.provider().key() + " hub. Losing its region cuts no other site off: "
                + (second == null ? "it is its provider's only site, and the other providers' hubs are linked to each other directly. "
                : "its spokes and the other providers' hubs already learn every range from `" + second + "` as well, at a lower preference, "
                + "and use those routes as soon as the sessions to `" + hub.name() + "` drop (when the BGP hold timer expires; Cloud "
                + "WAN and Transit Gateway withdraw the routes of a lost attachment). ")
                + "Nothing needs to be changed by hand. To watch the paths move:");
        StringBuilder commands = new StringBuilder();
        for (CloudProvider provider : graph.hubs().keySet()) {
            commands.append(switch (provider) {
                case AWS -> "# AWS: the Cloud WAN segment's routes and a Transit Gateway's propagated routes (next hop = the attachment now used)\n"
                        + "aws networkmanager list-core-networks --region us-west-2\n"
                        + "aws networkmanager get-network-routes --region us-west-2 --global-network-id <global network> --route-table-identifier "
                        + "'{\"CoreNetworkSegmentEdge\":{\"CoreNetworkId\":\"<core network>\",\"SegmentName\":\"sites\",\"EdgeLocation\":\"<a surviving region>\"}}'\n"
                        + "aws ec2 search-transit-gateway-routes --region <region> --transit-gateway-route-table-id <table> --filters Name=type,Values=propagated\n"
                        + "aws ec2 describe-vpn-connections --region <region> --query 'VpnConnections[].VgwTelemetry[].[OutsideIpAddress,Status,StatusMessage]'\n";
                case GCP -> "# GCP: BGP session state and the best routes a Cloud Router now uses\n"
                        + "gcloud compute routers get-status $(gcloud compute routers list --project <project> --filter='name~^<site>-net-bgp' --format='value(name)') "
                        + "--region <region> --project <project> --format='yaml(result.bgpPeerStatus,result.bestRoutes)'\n";
                case AZURE -> "# Azure: BGP peers of a gateway and the routes it learned (next hop = the hub now used)\n"
                        + "az network vnet-gateway list-bgp-peer-status --resource-group <resource group> --name <gateway> -o table\n"
                        + "az network vnet-gateway list-learned-routes --resource-group <resource group> --name <gateway> -o table\n";
                case EXISTING -> "";
            });
        }
        md.code("bash", commands.toString().stripTrailing());
        md.p("Existing sites' devices keep their sessions to the hubs of the other providers"
                + " (`pulumi stack output --show-secrets onPremVpn` lists them); their BGP summary shows the session to `" + hub.name() + "` down.");
    }
}
