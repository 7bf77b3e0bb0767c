package dev.multisite.topology;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tunnel numbering over random fleets: every IPsec tunnel's /30 BGP inside network is unique across
 * the graph and lies in the range its far end accepts (Azure: APIPA 169.254.21.0/24 and
 * 169.254.22.0/24 only; the others: 169.254.64.0/18), and every link has the tunnels its two
 * gateways give, numbered from 0.
 */
class TunnelNumberingPropertyTest {
    /** One site per provider from the shared fixture, copied under new names. */
    private static final Map<CloudProvider, SiteSpec> TEMPLATES = TopologyParser.parse(Fixtures.valid()).sites().stream()
            .collect(Collectors.toMap(SiteSpec::provider, Function.identity()));

    @Provide
    Arbitrary<List<CloudProvider>> fleets() {
        return Arbitraries.of(CloudProvider.values()).list().ofMinSize(2).ofMaxSize(24)
                .filter(providers -> providers.stream().anyMatch(p -> p.facts().hasHub()));
    }

    static Topology fleet(List<CloudProvider> providers) {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            SiteSpec t = TEMPLATES.get(providers.get(i));
            sites.add(new SiteSpec(providers.get(i).key() + "-" + i, t.provider(), t.region(), t.capacity(), t.network(), t.mesh(),
                    t.kubernetes(), t.aws(), t.gcp(), t.azure(), t.existing()));
        }
        return new Topology("example.com", null, null, sites, null, null, null, null, null);
    }

    @Property(tries = 300)
    void insideNetworksAreUniqueAndInTheRangeTheFarEndAccepts(@ForAll("fleets") List<CloudProvider> providers) {
        var graph = InterconnectGraph.of(fleet(providers));
        Set<Cidr> seen = new HashSet<>();
        int azure = 0;
        for (var link : graph.links()) {
            boolean toAzure = link.a().provider() == CloudProvider.AZURE || link.b().provider() == CloudProvider.AZURE;
            boolean azureBoth = link.a().provider() == CloudProvider.AZURE && link.b().provider() == CloudProvider.AZURE;
            for (var tunnel : link.tunnels()) {
                if (azureBoth) {
                    assertThat(tunnel.inside()).as("Azure to Azure peers on the gateways' own addresses").isNull();
                    continue;
                }
                assertThat(seen.add(tunnel.inside())).as("%s reused in %s", tunnel.inside(), link).isTrue();
                assertThat(tunnel.inside().prefixLength()).isEqualTo(30);
                if (toAzure) {
                    azure++;
                    assertThat(InterconnectGraph.AZURE_INSIDE_RANGES).anyMatch(range -> range.contains(tunnel.inside()));
                } else {
                    assertThat(InterconnectGraph.INSIDE_RANGE.contains(tunnel.inside())).isTrue();
                }
            }
        }
        assertThat(graph.azureInsideNetworkCount()).isEqualTo(azure).isLessThanOrEqualTo(InterconnectGraph.MAX_AZURE_INSIDE_NETWORKS);
    }

    @Property(tries = 300)
    void everyLinkHasItsGatewaysTunnelsNumberedFromZero(@ForAll("fleets") List<CloudProvider> providers) {
        var graph = InterconnectGraph.of(fleet(providers));
        int total = 0;
        for (var link : graph.links()) {
            var pair = List.of(link.a().provider(), link.b().provider()).stream().sorted().toList();
            int expected = switch (link.kind()) {
                case PEERING, CLOUD_WAN -> 0;
                case IPSEC_BGP -> TunnelNumbering.tunnelCount(pair.get(0), pair.get(1));
            };
            assertThat(link.tunnels()).extracting(InterconnectGraph.Tunnel::index)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, expected).boxed().toList());
            total += expected;
        }
        assertThat(graph.tunnelCount()).isEqualTo(total);
    }
}
