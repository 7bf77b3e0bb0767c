package dev.multisite.topology;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverBudgetTest {

    private static TrafficSettings traffic(int interval, int threshold, int ttl, DnsBackend backend) {
        return new TrafficSettings("app.example.com", ttl, null,
                new HealthCheckSettings(null, null, null, interval, threshold, null, null), 300, List.of(backend), null, null, null);
    }

    @ParameterizedTest(name = "route53 {0}s x {1} + ttl {2} = {3}")
    @CsvSource({"10,2,15,45", "30,3,60,160", "10,1,1,21", "30,10,300,610"})
    void route53IsDetectionPlusPropagationPlusTtl(int interval, int threshold, int ttl, int expected) {
        var backend = new DnsBackend.Route53Backend("Z1");
        var budget = FailoverBudget.of(backend, traffic(interval, threshold, ttl, backend));
        assertThat(budget.worstCaseSeconds()).isEqualTo(expected);
        assertThat(budget.detectionSeconds()).isEqualTo(interval * threshold);
    }

    @ParameterizedTest(name = "cloudflare {0}s x {1}, proxied {3}, ttl {2} = {4}")
    @CsvSource({"10,2,30,true,25", "10,2,30,false,55", "60,3,30,true,185", "15,2,60,false,95"})
    void cloudflareProxiedSkipsTheTtl(int interval, int threshold, int ttl, boolean proxied, int expected) {
        var backend = new DnsBackend.CloudflareBackend("z", "a", DnsBackend.CloudflarePlan.ENTERPRISE, "t", proxied);
        assertThat(FailoverBudget.of(backend, traffic(interval, threshold, ttl, backend)).worstCaseSeconds()).isEqualTo(expected);
    }

    /**
     * Cloud DNS: detection never faster than 30 s per check (Compute Engine health checks with
     * source regions), 30 s assumed propagation, and the TTL (resolvers cache until it expires).
     */
    @ParameterizedTest(name = "clouddns {0}s x {1} + ttl {2} = {3}")
    @CsvSource({"30,2,15,105", "10,2,15,105", "60,3,60,270", "30,1,1,61"})
    void cloudDnsIsDetectionAtLeastThirtySecondsPlusPropagationPlusTtl(int interval, int threshold, int ttl, int expected) {
        var backend = new DnsBackend.CloudDnsBackend("example-org", "dns-project-1", null, null, null, null);
        var budget = FailoverBudget.of(backend, traffic(interval, threshold, ttl, backend));
        assertThat(budget.worstCaseSeconds()).isEqualTo(expected);
        assertThat(budget.intervalSeconds()).isEqualTo(Math.max(30, interval));
        assertThat(budget.arithmetic()).startsWith("clouddns: ");
    }
}
