package dev.multisite.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.topology.Fixtures;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;

import java.util.List;

/**
 * The smallest valid topology for the components' args tests (active-active needs two sites:
 * aws-use1 and gcp-euw4), with an optional top-level block ({@code traffic}, {@code data}), and
 * stand-in {@link Site}s for args that only hold a reference to one.
 */
public final class TwoSites {
    /** The first two sites of the model's valid topology (aws-use1, gcp-euw4). */
    private static final int SITES = 2;

    private TwoSites() {
    }

    /** The two sites alone. */
    public static Topology topology() {
        return topology(null, null);
    }

    /** The two sites with one more top-level block (YAML flow or block text), or none when {@code block} is null. */
    public static Topology topology(String block, String yaml) {
        ObjectNode doc = Fixtures.valid();
        ArrayNode sites = doc.withArray("sites");
        while (sites.size() > SITES) {
            sites.remove(SITES);
        }
        // The peak demand is the four sites'; two serve what they serve.
        doc.remove("peakDemand");
        if (block != null) {
            doc.set(block, Fixtures.yaml(yaml));
        }
        return TopologyParser.parse(doc);
    }

    /** A stand-in site for each site of the topology. */
    public static List<Site> sites(Topology topology) {
        return topology.sites().stream().map(StubSite::of).toList();
    }
}
