package dev.multisite.network;

import com.pulumi.core.annotations.Export;

import java.util.List;
import java.util.Map;

/**
 * The output {@code interconnect}: design, hubs, shared fate and counts. Only {@code @Export}
 * fields: the shape the SDK serializes, and the package schema writes its type from.
 */
public final class InterconnectSummary {
    @Export(name = "design")
    private String design;
    @Export(name = "hubs")
    private Map<String, List<String>> hubs;
    @Export(name = "sharedFate")
    private Map<String, List<String>> sharedFate;
    @Export(name = "links")
    private Integer links;
    @Export(name = "tunnels")
    private Integer tunnels;
    @Export(name = "fullMeshLinks")
    private Integer fullMeshLinks;
    @Export(name = "fullMeshTunnels")
    private Integer fullMeshTunnels;

    public InterconnectSummary() {
    }

    InterconnectSummary(String design, Map<String, List<String>> hubs, Map<String, List<String>> sharedFate, int links, int tunnels,
                        int fullMeshLinks, int fullMeshTunnels) {
        this.design = design;
        this.hubs = hubs;
        this.sharedFate = sharedFate;
        this.links = links;
        this.tunnels = tunnels;
        this.fullMeshLinks = fullMeshLinks;
        this.fullMeshTunnels = fullMeshTunnels;
    }

    /** The same facts as a map, in declaration order (the stack output's key order). */
    public Map<String, Object> toMap() {
        return ExportedFields.of(this);
    }
}
