package dev.multisite.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The smallest valid topology for the components' args tests (two-sites.yaml: aws-use1 and
 * gcp-euw4, as active-active needs two), with an optional top-level block ({@code traffic},
 * {@code data}), and stand-in {@link Site}s for args that only hold a reference to one.
 */
public final class TwoSites {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TwoSites() {
    }

    /** The two sites alone. */
    public static Topology topology() {
        return topology(null, null);
    }

    /** The two sites with one more top-level block (YAML flow or block text), or none when {@code block} is null. */
    public static Topology topology(String block, String yaml) {
        ObjectNode doc = document();
        if (block != null) {
            doc.set(block, read(yaml));
        }
        return TopologyParser.parse(doc);
    }

    /** The two sites and a third one (a site entry in YAML flow or block text). */
    public static Topology withSite(String site) {
        ObjectNode doc = document();
        doc.withArray("sites").add(read(site));
        return TopologyParser.parse(doc);
    }

    private static ObjectNode document() {
        try (var in = TwoSites.class.getResourceAsStream("two-sites.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in site for each site of the topology. */
    public static List<Site> sites(Topology topology) {
        return topology.sites().stream().map(StubSite::of).toList();
    }
}
