package dev.multisite.fleet.parts;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.multisite.network.AwsEnd;
import dev.multisite.network.AzureEnd;
import dev.multisite.network.AzureSiteNetwork;
import dev.multisite.network.GcpEnd;
import dev.multisite.network.SiteEnd;
import dev.multisite.site.Sites;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.InterconnectGraph;

import java.util.ArrayList;
import java.util.List;

/** A cloud site's end of its links, made from its site part's outputs; link resources go under {@code parent}. */
final class RemoteEnds {
    private RemoteEnds() {
    }

    /** @param site a remote cloud site (its provider and facts) */
    static SiteEnd of(dev.multisite.site.Site site, StackFacts facts, InterconnectGraph graph, Resource parent) {
        boolean gateway = graph.hasTunnels(site.name());
        return switch (site.provider()) {
            case AWS -> new AwsEnd(site.spec(), parent, site.awsSite().orElseThrow(Sites.notA(site, CloudProvider.AWS)).awsProvider(),
                    facts.string(AwsEnd.TRANSIT_GATEWAY_ID), facts.string(AwsEnd.TRANSIT_GATEWAY_ARN), facts.string(AwsEnd.TRANSIT_GATEWAY_OWNER_ID),
                    facts.string(AwsEnd.TRANSIT_GATEWAY_ROUTE_TABLE_ID));
            case GCP -> {
                var gcp = site.gcpSite().orElseThrow(Sites.notA(site, CloudProvider.GCP));
                yield new GcpEnd(site.spec(), parent, gcp.gcpProvider(), gcp.networkSelfLink(),
                        gateway ? facts.string(SiteEnd.VPN_GATEWAY_ID) : null, gateway ? facts.strings(SiteEnd.VPN_ADDRESSES) : null,
                        gateway ? facts.string(GcpEnd.ROUTER_ID) : null, gateway ? facts.string(GcpEnd.ROUTER_NAME) : null);
            }
            case AZURE -> {
                var azure = site.azureSite().orElseThrow(Sites.notA(site, CloudProvider.AZURE));
                List<Output<String>> addresses = new ArrayList<>();
                for (int i = 0; gateway && i < AzureSiteNetwork.INSTANCES; i++) {
                    addresses.add(facts.element(SiteEnd.VPN_ADDRESSES, i));
                }
                yield new AzureEnd(site.spec(), parent, azure.azureProvider(), azure.subscriptionId(), azure.resourceGroupName(),
                        azure.virtualNetworkName(), azure.virtualNetworkId(), gateway ? facts.string(SiteEnd.VPN_GATEWAY_ID) : null,
                        addresses, null);
            }
            case EXISTING -> throw new IllegalStateException("an existing site has no network half: " + site.name());
        };
    }
}
