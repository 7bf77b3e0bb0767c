package dev.multisite.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The common pool's floor: 2 where newer JDKs starve a single thread, the JDK default on 17. */
class CommonPoolTest {

    @Test
    void newerJdksGetAtLeastTwoThreadsAndJdk17KeepsItsDefault() {
        assertThat(CommonPool.minimum(17)).isEqualTo(1);
        assertThat(CommonPool.minimum(21)).isEqualTo(2);
        assertThat(CommonPool.minimum(25)).isEqualTo(2);
    }
}
