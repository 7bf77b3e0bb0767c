package dev.multisite.data;

import dev.multisite.site.TwoSites;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data tier's topology; its sites are checked as every layer's (TopologySitesArgsTest). */
class DatabaseTopologyArgsTest {
    private static final String DATA = "{mode: primary-replica, primary: aws-use1, replicas: all}";
    private static final Topology TOPO = TwoSites.topology("data", DATA);

    @Test
    void topologyIsRequiredWithADataBlock() {
        assertThatThrownBy(() -> DatabaseTopologyArgs.builder().sites(TwoSites.sites(TOPO)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DatabaseTopologyArgs.topology: required; the validated topology with its data block");
        assertThatThrownBy(() -> DatabaseTopologyArgs.builder().topology(TwoSites.topology()).sites(TwoSites.sites(TOPO)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DatabaseTopologyArgs.topology.data: required; the data block (mode, primary or partitions) the databases are laid out from");
    }
}
