package dev.multisite.stack.fleet.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyLimits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every exporter reads: the fleet stack's name, its topology and config, and its part graph.
 *
 * @param fleetStack the fleet stack ({@code prod}); each part is the stack {@code <fleetStack>-<part>}
 * @param topology   the validated topology
 * @param config     the fleet stack's config keys in file order; secure values as {@link StackFile#config()} gives them
 * @param graph      the parts in deploy order
 */
public record FleetSource(String fleetStack, Topology topology, Map<String, JsonNode> config, PartGraph graph) {

    public FleetSource {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        // The names end up in shell lines of a workflow, so nothing but a Pulumi stack name may pass.
        if (!dev.multisite.parts.StackName.valid(fleetStack)) {
            throw new TopologyException("stack name '" + TopologyLimits.quote(fleetStack)
                    + "' is not a Pulumi stack name; use letters, digits, '-', '_' and '.' (name the file Pulumi.<stack>.yaml)");
        }
    }

    public static FleetSource of(StackFile file) {
        dev.multisite.stack.PartChoice.requireFleetStack(file.path(), file.config());
        return new FleetSource(file.stackName(), file.topology(), file.config(), PartGraph.of(file.topology()));
    }

    /** The Pulumi stack of one part. */
    public String partStack(String part) {
        return dev.multisite.parts.Part.stackName(fleetStack, part);
    }

    /** A config value that {@link StackFile} read as {@code secure:} (it keeps them opaque as "[secret]"). */
    public static boolean isSecret(JsonNode value) {
        return value instanceof TextNode text && "[secret]".equals(text.asText());
    }
}
