package dev.multisite.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;

import java.util.Map;

/**
 * The inputs of the fleet component: a topology that has passed the parser's checks, and the secret
 * values it names by config key (namespace {@code multisite}: each existing site's
 * {@code existing.kubeconfig}, each Cloudflare backend's {@code apiToken}), which never enter the
 * topology. The component package's schema is generated from the same topology records.
 */
public final class FleetArgs {
    private final Topology topology;
    private final Map<String, Output<String>> secrets;

    private FleetArgs(Topology topology, Map<String, Output<String>> secrets) {
        this.topology = topology;
        this.secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    /** A topology parsed elsewhere or built in code: checked again with the parser's invariants and messages. */
    public static FleetArgs of(Topology topology, Map<String, Output<String>> secrets) {
        return new FleetArgs(topology.validated(), secrets);
    }

    /** A topology as stack config holds it ({@code multisite:topology}), parsed once, here. */
    public static FleetArgs fromTopology(JsonNode topology, Map<String, Output<String>> secrets) {
        return new FleetArgs(TopologyParser.parse(topology), secrets);
    }

    public Topology topology() {
        return topology;
    }

    /** The secret values by config key; empty when none were given (a topology that names none needs none). */
    public Map<String, Output<String>> secrets() {
        return secrets;
    }
}
