package dev.multisite.traffic;

import com.pulumi.core.Output;
import dev.multisite.site.TwoSites;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobalEndpointArgsTest {
    private static final String ROUTE53 = "{hostname: app.example.com, dns: [{route53: {hostedZoneId: Z0123456789EXAMPLE}}]}";
    private static final String CLOUDFLARE = "{hostname: app.example.com, dns: [{cloudflare: {zoneId: 0123456789abcdef0123456789abcdef, "
            + "accountId: fedcba9876543210fedcba9876543210, apiToken: cf-token}}]}";

    @Test
    void buildsWithoutATokenWhenNoCloudflareBackend() {
        Topology topology = TwoSites.topology("traffic", ROUTE53);
        var args = GlobalEndpointArgs.builder().topology(topology).build();
        assertThat(args.topology()).isSameAs(topology);
        assertThat(args.cloudflareToken()).isNull();
    }

    @Test
    void buildsWithATokenForCloudflare() {
        Output<String> token = Output.of("token");
        var args = GlobalEndpointArgs.builder().topology(TwoSites.topology("traffic", CLOUDFLARE)).cloudflareToken(token).build();
        assertThat(args.cloudflareToken()).isSameAs(token);
    }

    @Test
    void topologyIsRequired() {
        assertThatThrownBy(() -> GlobalEndpointArgs.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GlobalEndpointArgs.topology: required; the validated topology with its traffic block");
    }

    @Test
    void topologyNeedsATrafficBlock() {
        assertThatThrownBy(() -> GlobalEndpointArgs.builder().topology(TwoSites.topology()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GlobalEndpointArgs.topology.traffic: required; "
                        + "the traffic block (hostname and dns backends) the global endpoint is built from");
    }

    @Test
    void cloudflareBackendNeedsTheToken() {
        assertThatThrownBy(() -> new GlobalEndpointArgs(TwoSites.topology("traffic", CLOUDFLARE), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GlobalEndpointArgs.cloudflareToken: required when traffic.dns declares a cloudflare backend; "
                        + "the scoped Cloudflare API token, a secret");
    }
}
