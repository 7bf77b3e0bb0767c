package dev.multisite.mesh;

import dev.multisite.site.TwoSites;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mesh's topology; its sites are checked as every layer's (TopologySitesArgsTest). */
class ClusterMeshArgsTest {

    @Test
    void topologyIsRequired() {
        assertThatThrownBy(() -> ClusterMeshArgs.builder().sites(TwoSites.sites(TwoSites.topology())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ClusterMeshArgs.topology: required; the validated topology (mesh options, every site's cluster id and pod CIDR)");
    }
}
