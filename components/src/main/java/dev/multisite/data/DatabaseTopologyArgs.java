package dev.multisite.data;

import dev.multisite.site.Site;
import dev.multisite.topology.Topology;

import java.util.List;

/**
 * @param topology the validated topology, with its {@code data} block
 * @param sites    every site of the stack, in topology order
 */
public record DatabaseTopologyArgs(Topology topology, List<Site> sites) {
}
