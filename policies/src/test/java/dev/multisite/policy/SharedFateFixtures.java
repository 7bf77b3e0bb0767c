package dev.multisite.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** prod's topology as a preview carries it, and the same with metal-fra's device on one hub only (a cut site). */
public final class SharedFateFixtures {
    private SharedFateFixtures() {
    }

    public static ObjectNode prod() {
        try {
            JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "stacks", "Pulumi.prod.yaml").toFile());
            return (ObjectNode) file.path("config").path("multisite:topology").deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Losing gcp-euw4's region cuts metal-fra off. */
    public static ObjectNode prodWithOneHubForMetal() {
        ObjectNode topology = prod();
        for (JsonNode site : topology.path("sites")) {
            if (site.path("name").asText().equals("metal-fra")) {
                ((ObjectNode) site.path("existing").path("vpn")).putArray("attachTo").add("gcp-euw4");
            }
        }
        return topology;
    }

    /** The cut above, waived with a reason. */
    public static ObjectNode prodWithWaivedCut() {
        ObjectNode topology = prodWithOneHubForMetal();
        topology.withObject("network").withObject("interconnect").withObject("waivers").put("gcp-euw4", "one uplink until March");
        return topology;
    }

    /**
     * prod with its data primary on az-weu: metal-fra, an existing cluster, cannot resolve the Flexible Server's private name.
     * prod's global services go, since the parser refuses them beside an Azure primary while a GCP site is present
     * (its kube-dns would forward two zones through one entry).
     */
    public static ObjectNode prodWithAnAzurePrimary() {
        ObjectNode topology = prod();
        topology.path("gitops").path("apps").forEach(app -> ((ObjectNode) app).remove("globalServices"));
        ObjectNode data = topology.putObject("data");
        data.put("mode", "primary-replica").put("primary", "az-weu").putObject("engine").put("version", "14");
        return topology;
    }
}
