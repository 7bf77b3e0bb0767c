package dev.multisite.mesh;

import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.site.TopologyArg;
import dev.multisite.site.TopologySitesBuilder;
import dev.multisite.topology.Topology;

import java.util.List;

/**
 * The arguments of {@link ClusterMesh}. Build them with {@link #builder()}; the canonical
 * constructor validates, whichever way the record is made, and throws
 * {@link IllegalArgumentException} naming the field and what it expects. No field has a default.
 *
 * @param topology the validated topology (its {@code mesh} options and every site's cluster id and pod CIDR); required
 * @param sites    every site, in topology order; required, not empty, no null entry (copied)
 */
public record ClusterMeshArgs(Topology topology, List<Site> sites) {
    public ClusterMeshArgs {
        TopologyArg.required("ClusterMeshArgs.topology", topology, "the validated topology (mesh options, every site's cluster id and pod CIDR)");
        sites = Sites.checked("ClusterMeshArgs.sites", sites);
    }

    public static TopologySitesBuilder<ClusterMeshArgs> builder() {
        return new TopologySitesBuilder<>(ClusterMeshArgs::new);
    }
}
