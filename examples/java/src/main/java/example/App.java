package example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.Pulumi;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.FleetArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

public class App {
    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            // fleet.yaml is the topology (the value of multisite:topology in stacks/Pulumi.prod.yaml);
            // its keys are the Fleet's input names.
            JsonNode topology;
            try {
                topology = new ObjectMapper(new YAMLFactory()).readTree(Path.of("fleet.yaml").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var config = ctx.config();
            // Secret values by config key name: existing.kubeconfig (metal-fra) and the Cloudflare
            // backend's apiToken name these keys.
            var secrets = Map.of(
                    "metal-fra-kubeconfig", config.requireSecret("metal-fra-kubeconfig"),
                    "cloudflare-api-token", config.requireSecret("cloudflare-api-token"));
            var fleet = new Fleet("prod", FleetArgs.fromTopology(topology, secrets), ComponentResourceOptions.Empty);

            ctx.export("siteNames", fleet.siteNames);
            ctx.export("clusterEndpoints", fleet.clusterEndpoints);
            ctx.export("globalHostname", fleet.globalHostname);
            ctx.export("failoverBudgetSeconds", fleet.failoverBudgetSeconds);
            ctx.export("databaseWriteEndpoints", fleet.databaseWriteEndpoints);
            ctx.export("kubeconfigs", fleet.kubeconfigs);
        });
    }
}
