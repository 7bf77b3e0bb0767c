package dev.multisite.stack;

import dev.multisite.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The program's choice between the whole fleet and one part, from stack config, before anything is registered. */
class PartChoiceTest {
    private static final Topology PROD = ExampleStacks.read("prod").topology();

    @Test
    void withoutThePartKeyTheStackIsTheWholeFleet() {
        assertThat(PartChoice.of(PROD, Optional.empty(), Optional.of("prod")).wholeFleet()).isTrue();
    }

    @Test
    void aPartNeedsTheFleetStackName() {
        assertThatThrownBy(() -> PartChoice.of(PROD, Optional.of("links"), Optional.empty()))
                .hasMessage("multisite:part is set, so multisite:fleetStack must be too: the fleet's stack name, which every part stack's name starts with");
    }

    @Test
    void anUnknownPartNamesTheParts() {
        assertThatThrownBy(() -> PartChoice.of(PROD, Optional.of("site-mars"), Optional.of("prod")))
                .hasMessageStartingWith("multisite:part: 'site-mars' is not a part of this stack; parts: shared, wan, traffic, site-aws-use1");
    }

    @Test
    void aKnownPartIsChosenWithItsFleet() {
        var choice = PartChoice.of(PROD, Optional.of("site-az-weu"), Optional.of("prod"));
        assertThat(choice.part().site()).isEqualTo("az-weu");
        assertThat(choice.part().stackName(choice.fleetStack())).isEqualTo("prod-site-az-weu");
    }
}
