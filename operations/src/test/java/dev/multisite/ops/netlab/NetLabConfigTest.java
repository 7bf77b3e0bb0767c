package dev.multisite.ops.netlab;

import dev.multisite.topology.FailoverBudget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab's budget: the traffic layer's formula plus the time a checker's probe waits before a cut site fails it. */
class NetLabConfigTest {

    @Test
    void theStandardLabsBudgetCountsTheProbeTimeout() {
        var standard = NetLabConfig.standard();
        // 1 s x 2 failures + 1 s propagation + 5 s TTL, and the 0.8 s a probe of a cut link waits before it fails.
        assertThat(standard.probeTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(standard.budget()).isEqualTo(Duration.ofMillis(8_800));
    }

    @Test
    void theBudgetIsTheFormulaPlusTheProbeTimeoutTheCheckersUse() {
        for (long intervalMillis : new long[] {100, 500, 1_000, 5_000}) {
            var config = new NetLabConfig(3, Duration.ofMillis(intervalMillis), 3, 3, 5, "lab-1", "lab-2", 5, List.of(ResolverFlavour.values()));
            var formula = FailoverBudget.worstCase(config.checkInterval(), 3, config.checkInterval(), Duration.ofSeconds(5));
            assertThat(config.budget().minus(formula)).as("interval %d ms", intervalMillis)
                    .isEqualTo(LabProbe.timeout(config.checkInterval()))
                    .isEqualTo(config.probeTimeout())
                    .isPositive();
        }
        // The probe's bounds: never below 100 ms, never above 2 s.
        assertThat(LabProbe.timeout(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(100));
        assertThat(LabProbe.timeout(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(2));
    }
}
