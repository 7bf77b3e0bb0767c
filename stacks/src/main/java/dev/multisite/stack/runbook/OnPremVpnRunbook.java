package dev.multisite.stack.runbook;

import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.SiteSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What the network team of an {@code existing} site configures on its VPN device: one row per
 * tunnel with the hub, the inside network and both BGP addresses and ASNs, the ranges to announce,
 * and where the values only known after deploy (cloud addresses, keys) come from.
 */
final class OnPremVpnRunbook {
    private OnPremVpnRunbook() {
    }

    static String render(RunbookFacts facts, SiteSpec site) {
        var graph = facts.interconnect();
        var md = new Markdown().h1("VPN device of `" + site.name() + "`");
        md.p("Device `" + site.existing().vpn().publicIp() + "`, ASN " + site.asn() + ". Multisite builds the cloud side of every tunnel "
                + "below; this is the device side. IKEv2, route-based (VTI) tunnels, BGP over each tunnel.");
        List<List<String>> rows = new ArrayList<>();
        for (var link : graph.linksOf(site.name())) {
            SiteSpec hub = link.other(site.name());
            for (var tunnel : link.tunnels()) {
                rows.add(List.of(hub.name() + " (" + hub.provider().key() + ")", String.valueOf(tunnel.index()), tunnel.inside().toString(),
                        tunnel.bAddress(), tunnel.aAddress(), String.valueOf(hub.asn())));
            }
        }
        md.table(List.of("hub", "tunnel", "inside network", "device address", "cloud BGP address", "cloud ASN"), rows);
        md.h2("Announce");
        md.p("Exactly the site's own ranges: " + String.join(", ", site.network().ranges().stream().map(r -> "`" + r + "`").toList())
                + ". Accept the other sites' ranges from every hub, and do not re-advertise routes learned from one hub to another "
                + "(filter on AS path): the site must never carry traffic between clouds.");
        md.h2("Values known after `pulumi up`");
        md.p("The cloud gateway address and the pre-shared key of each tunnel (a secret; keep it in the device's secret store):");
        md.code("bash", "pulumi stack output --stack " + facts.stackName() + " --show-secrets onPremVpn | jq '.\"" + site.name() + "\"'\n"
                + "# fleet mode: the links part holds the tunnels\npulumi stack output --stack " + Part.stackName(facts.stackName(), PartGraph.LINKS)
                + " --show-secrets onPremVpn | jq '.\"" + site.name() + "\"'");
        md.p("Azure hubs terminate both tunnels on one connection: the device peers from the first tunnel's device address with both "
                + "Azure BGP addresses (eBGP multihop 2). Check from the clouds: AWS VPN connection tunnel status, GCP Cloud Router BGP "
                + "session status, Azure connection status.");
        return md.blank().toString();
    }
}
