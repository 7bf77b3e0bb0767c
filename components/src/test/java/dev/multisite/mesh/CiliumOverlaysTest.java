package dev.multisite.mesh;

import dev.multisite.topology.CloudProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every provider has its Cilium values overlay: a new CloudProvider fails here, not at deploy time. */
class CiliumOverlaysTest {

    @ParameterizedTest
    @EnumSource(CloudProvider.class)
    void everyProviderHasAnOverlay(CloudProvider provider) {
        assertThat(CiliumOverlays.of(provider)).isNotNull();
    }
}
