package dev.multisite.data;

import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.site.TopologyArg;
import dev.multisite.site.TopologySitesBuilder;
import dev.multisite.topology.Topology;

import java.util.List;

/**
 * The arguments of {@link DatabaseTopology}. Build them with {@link #builder()}; the canonical
 * constructor validates, whichever way the record is made, and throws
 * {@link IllegalArgumentException} naming the field and what it expects. No field has a default.
 *
 * @param topology the validated topology, with its {@code data} block; required, with a data block
 * @param sites    the sites the instances go on, in topology order: at least every site of a provider that
 *                 holds a primary; required, not empty, no null entry (copied)
 */
public record DatabaseTopologyArgs(Topology topology, List<Site> sites) {
    public DatabaseTopologyArgs {
        // The databases are laid out from the data block: without one there is nothing to build.
        TopologyArg.withBlock("DatabaseTopologyArgs.topology", topology, "the validated topology with its data block",
                "data", Topology::data, "the data block (mode, primary or partitions) the databases are laid out from");
        sites = Sites.checked("DatabaseTopologyArgs.sites", sites);
    }

    public static TopologySitesBuilder<DatabaseTopologyArgs> builder() {
        return new TopologySitesBuilder<>(DatabaseTopologyArgs::new);
    }
}
