package dev.multisite.site;

import dev.multisite.topology.ClustersetDnsFacts;
import dev.multisite.topology.PrivateDnsForwarding;
import dev.multisite.topology.SiteSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneForwardTest {
    /** What GlobalServices asks (its resolver Service left out: no resource outside a deployment). */
    private static final ZoneForward CLUSTERSET = new ZoneForward(ClustersetDnsFacts.ZONE, List.of("172.16.16.53"),
            ZoneForward.Reach.CLUSTER_SERVICE, "clusterset", "the cluster's resolver", null, List.of(), false);
    private static final ZoneForward DATABASES = ZoneForward.toRoutedResolvers(PrivateDnsForwarding.ZONE,
            List.of("10.3.1.4", "10.3.1.5"), "azure-postgres", "the Azure DNS Private Resolver", null);

    @Test
    void aCorefileServerBlockSendsTheZoneToItsResolvers() {
        assertThat(CLUSTERSET.corefileServerBlock()).isEqualTo("""
                clusterset.local:53 {
                    errors
                    cache 30
                    forward . 172.16.16.53
                }
                """);
    }

    @Test
    void kubeDnsStubDomainsAreTheZoneAndItsResolversAsJson() {
        // Each as first planned: the plan digests pin the text.
        assertThat(KubeDnsStubDomains.stubDomains(CLUSTERSET)).isEqualTo("{\"clusterset.local\": [\"172.16.16.53\"]}");
        assertThat(KubeDnsStubDomains.stubDomains(DATABASES))
                .isEqualTo("{\"postgres.database.azure.com\":[\"10.3.1.4\",\"10.3.1.5\"]}");
    }

    @Test
    void anExistingSiteForwardsNoZone() {
        SiteSpec metal = TwoSites.withSite("""
                {name: metal-fra, provider: existing, region: fra-dc1, capacity: 50,
                 network: {vpcCidr: 10.4.0.0/16, podCidr: 100.68.0.0/16, serviceCidr: 172.16.64.0/20},
                 mesh: {clusterId: 4}, kubernetes: {version: "1.31"},
                 existing: {kubeconfig: metal-fra-kubeconfig, vpn: {publicIp: 203.0.113.10}}}
                """).site("metal-fra").orElseThrow();
        assertThatThrownBy(() -> StubSite.of(metal).forwardZone(DATABASES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("site metal-fra is an existing cluster: Multisite does not configure its DNS, so it cannot forward "
                        + PrivateDnsForwarding.ZONE);
    }
}
