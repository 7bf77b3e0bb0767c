package dev.multisite.mesh;

import dev.multisite.site.Site;
import dev.multisite.site.TwoSites;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterMeshArgsTest {
    /** Two cloud sites (active-active needs two); the mesh block takes its defaults. */
    private static final Topology TOPO = TwoSites.topology();

    @Test
    void buildsWithEverySiteInOrder() {
        List<Site> sites = new ArrayList<>(TwoSites.sites(TOPO));
        var args = ClusterMeshArgs.builder().topology(TOPO).sites(sites).build();
        sites.clear();
        assertThat(args.topology()).isSameAs(TOPO);
        // A copy: the caller's list changing later does not change the mesh.
        assertThat(args.sites()).extracting(Site::name).containsExactly("aws-use1", "gcp-euw4");
    }

    @Test
    void topologyIsRequired() {
        assertThatThrownBy(() -> ClusterMeshArgs.builder().sites(TwoSites.sites(TOPO)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ClusterMeshArgs.topology: required; the validated topology (mesh options, every site's cluster id and pod CIDR)");
    }

    @Test
    void sitesAreRequiredAndNotEmpty() {
        assertThatThrownBy(() -> ClusterMeshArgs.builder().topology(TOPO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ClusterMeshArgs.sites: required; every site of the stack, in topology order");
        assertThatThrownBy(() -> new ClusterMeshArgs(TOPO, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ClusterMeshArgs.sites: must not be empty; every site of the stack, in topology order");
        assertThatThrownBy(() -> ClusterMeshArgs.builder().topology(TOPO).sites(Arrays.asList(TwoSites.sites(TOPO).get(0), null)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ClusterMeshArgs.sites: entries must not be null; every site of the stack, in topology order");
    }
}
