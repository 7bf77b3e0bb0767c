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
        var backend = new DnsBackend(new DnsBackend.Route53Backend("Z1"), null);
        var budget = FailoverBudget.of(backend, traffic(interval, threshold, ttl, backend));
        assertThat(budget.worstCaseSeconds()).isEqualTo(expected);
        assertThat(budget.detectionSeconds()).isEqualTo(interval * threshold);
    }

    @ParameterizedTest(name = "cloudflare {0}s x {1}, proxied {3}, ttl {2} = {4}")
    @CsvSource({"10,2,30,true,25", "10,2,30,false,55", "60,3,30,true,185", "15,2,60,false,95"})
    void cloudflareProxiedSkipsTheTtl(int interval, int threshold, int ttl, boolean proxied, int expected) {
        var backend = new DnsBackend(null, new DnsBackend.CloudflareBackend("z", "a", DnsBackend.CloudflarePlan.ENTERPRISE, "t", proxied));
        assertThat(FailoverBudget.of(backend, traffic(interval, threshold, ttl, backend)).worstCaseSeconds()).isEqualTo(expected);
    }
}
