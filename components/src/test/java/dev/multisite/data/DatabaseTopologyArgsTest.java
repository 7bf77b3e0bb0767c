package dev.multisite.data;

import dev.multisite.site.Site;
import dev.multisite.site.TwoSites;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTopologyArgsTest {
    private static final String DATA = "{mode: primary-replica, primary: aws-use1, replicas: all}";
    private static final Topology TOPO = TwoSites.topology("data", DATA);

    @Test
    void buildsWithEverySiteInOrder() {
        List<Site> sites = new ArrayList<>(TwoSites.sites(TOPO));
        var args = DatabaseTopologyArgs.builder().topology(TOPO).sites(sites).build();
        sites.clear();
        assertThat(args.topology()).isSameAs(TOPO);
        // A copy: the caller's list changing later does not change the databases.
        assertThat(args.sites()).extracting(Site::name).containsExactly("aws-use1", "gcp-euw4");
    }

    @Test
    void topologyIsRequiredWithADataBlock() {
        assertThatThrownBy(() -> DatabaseTopologyArgs.builder().sites(TwoSites.sites(TOPO)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DatabaseTopologyArgs.topology: required; the validated topology with its data block");
        assertThatThrownBy(() -> DatabaseTopologyArgs.builder().topology(TwoSites.topology()).sites(TwoSites.sites(TOPO)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DatabaseTopologyArgs.topology.data: required; the data block (mode, primary or partitions) the databases are laid out from");
    }

    @Test
    void sitesAreRequiredAndNotEmpty() {
        assertThatThrownBy(() -> DatabaseTopologyArgs.builder().topology(TOPO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DatabaseTopologyArgs.sites: required; every site of the stack, in topology order");
        assertThatThrownBy(() -> new DatabaseTopologyArgs(TOPO, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DatabaseTopologyArgs.sites: must not be empty; every site of the stack, in topology order");
        assertThatThrownBy(() -> DatabaseTopologyArgs.builder().topology(TOPO).sites(Arrays.asList(TwoSites.sites(TOPO).get(0), null)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DatabaseTopologyArgs.sites: entries must not be null; every site of the stack, in topology order");
    }
}
