package dev.multisite.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A parsed topology written back as stack-file JSON parses to an equal topology. */
class TopologyJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "global", "data"})
    void everyExampleTopologySurvivesTheRoundTrip(String stack) throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "stacks", "Pulumi." + stack + ".yaml").toFile());
        Topology parsed = TopologyParser.parse(file.path("config").path("multisite:topology"));
        JsonNode written = TopologyJson.of(parsed);
        assertThat(TopologyParser.parse(written)).isEqualTo(parsed);
        // Record components only: no derived accessor such as DnsBackend.isSingle() leaks in as a key.
        assertThat(written.findValues("single")).isEmpty();
    }

    @Test
    void providerKeyedMapsKeepTheProvidersKey() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "stacks", "Pulumi.data.yaml").toFile());
        var topology = (ObjectNode) file.path("config").path("multisite:topology");
        topology.withObject("data").withObject("instanceClass").put("aws", "db.r6g.xlarge");
        Topology parsed = TopologyParser.parse(topology);
        assertThat(TopologyJson.of(parsed).path("data").path("instanceClass").path("aws").asText()).isEqualTo("db.r6g.xlarge");
        assertThat(TopologyParser.parse(TopologyJson.of(parsed))).isEqualTo(parsed);
    }

    @Test
    void wholeNumbersFromTheWireBecomeIntegersAndOthersStay() throws Exception {
        var wire = new ObjectMapper().readTree("{\"asn\": 64601.0, \"big\": [4294967294.0], \"half\": 1.5, \"text\": \"1.0\"}");
        var tree = TopologyJson.wholeNumbers(wire);
        assertThat(tree.path("asn").isInt()).isTrue();
        assertThat(tree.path("big").get(0).isLong()).isTrue();
        assertThat(tree.path("big").get(0).asLong()).isEqualTo(4294967294L);
        assertThat(tree.path("half").isDouble()).isTrue();
        assertThat(tree.path("text").isTextual()).isTrue();
        assertThat(tree.toString()).isEqualTo("{\"asn\":64601,\"big\":[4294967294],\"half\":1.5,\"text\":\"1.0\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "list"})
    void replicasAreWrittenAsTheStackFileSaysThem(String form) {
        var replicas = form.equals("all") ? DataSettings.Replicas.ALL : new DataSettings.Replicas(false, List.of("a", "b"));
        assertThat(new ObjectMapper().valueToTree(replicas).toString()).isEqualTo(form.equals("all") ? "\"all\"" : "[\"a\",\"b\"]");
    }
}
