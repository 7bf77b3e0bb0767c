package dev.multisite.mesh;

import dev.multisite.site.Site;
import dev.multisite.topology.Topology;

import java.util.List;

/**
 * @param topology the validated topology (its {@code mesh} options and every site's cluster id and pod CIDR)
 * @param sites    every site, in topology order
 */
public record ClusterMeshArgs(Topology topology, List<Site> sites) {
}
