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
import java.util.regex.Pattern;

/**
 * What every exporter reads: the fleet stack's name, its topology and config, and its part graph.
 *
 * @param fleetStack the fleet stack ({@code prod}); each part is the stack {@code <fleetStack>-<part>}
 * @param topology   the validated topology
 * @param config     the fleet stack's config keys in file order; secure values as {@link StackFile#config()} gives them
 * @param graph      the parts in deploy order
 */
public record FleetSource(String fleetStack, Topology topology, Map<String, JsonNode> config, PartGraph graph) {

    /**
     * Pulumi stack names: letters, digits, '-', '_' and '.' (Pulumi CLI, `pulumi stack init`). The
     * names end up in shell lines of a workflow, so nothing else may pass.
     */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public FleetSource {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        if (!STACK_NAME.matcher(fleetStack).matches()) {
            throw new TopologyException("stack name '" + TopologyLimits.quote(fleetStack)
                    + "' is not a Pulumi stack name; use letters, digits, '-', '_' and '.' (name the file Pulumi.<stack>.yaml)");
        }
    }

    public static FleetSource of(StackFile file) {
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
