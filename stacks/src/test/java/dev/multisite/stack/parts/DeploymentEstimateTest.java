package dev.multisite.stack.parts;

import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.plan.DeploymentEstimate;
import dev.multisite.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split keeps a first deployment about as long as the one stack: through the parts (each part
 * starting when all it reads has finished, taking its own critical path) at most 1.15 times the one-stack critical path, with
 * the same typical creation times. An estimate from plans and a table, not a timing.
 */
class DeploymentEstimateTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "global", "init-52"})
    void thePartsTakeAtMostOnePointOneFiveTimesTheOneStack(String stack) {
        Topology topology = ExampleStacks.topology(stack);
        DeploymentEstimate estimate = DeploymentEstimate.of(stack, topology);

        assertThat(estimate.ratio()).as(estimate.render()).isLessThanOrEqualTo(1.15);
        // The parts cannot beat the one stack: they hold the same resources and add waits between parts.
        assertThat(estimate.partsSeconds()).isGreaterThanOrEqualTo(estimate.oneStack().totalSeconds());
        // Every part starts only when all it reads has finished.
        estimate.parts().forEach((name, time) -> assertThat(time.finishSeconds() - time.startSeconds()).isEqualTo(time.own().totalSeconds()));
    }
}
