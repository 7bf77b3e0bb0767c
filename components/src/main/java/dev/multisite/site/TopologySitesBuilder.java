package dev.multisite.site;

import dev.multisite.topology.Topology;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Fluent construction of a layer's args record made of the topology and the sites (the mesh's,
 * the data tier's). {@link #build()} leaves validation to the record's canonical constructor, so a
 * record made either way is checked the same.
 *
 * @param <T> the args record
 */
public final class TopologySitesBuilder<T> {
    private final BiFunction<Topology, List<Site>, T> make;
    private Topology topology;
    private List<Site> sites;

    /** @param make the record's canonical constructor */
    public TopologySitesBuilder(BiFunction<Topology, List<Site>, T> make) {
        this.make = make;
    }

    /** The validated topology; required, no default. */
    public TopologySitesBuilder<T> topology(Topology topology) {
        this.topology = topology;
        return this;
    }

    /** The sites, in topology order; required, not empty, no default. */
    public TopologySitesBuilder<T> sites(List<Site> sites) {
        this.sites = sites;
        return this;
    }

    /** Validates (in the record's canonical constructor). */
    public T build() {
        return make.apply(topology, sites);
    }
}
