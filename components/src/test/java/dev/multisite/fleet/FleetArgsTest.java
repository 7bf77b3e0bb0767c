package dev.multisite.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.core.Output;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet's args hold the topology as the parser gives it: parsed from stack config, or checked when built in code. */
class FleetArgsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode stackTopology(String stack) throws Exception {
        return YAML.readTree(Path.of("../stacks/Pulumi." + stack + ".yaml").toFile()).path("config").path("multisite:topology");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "global", "data"})
    void aStackFilesTopologyIsTheParsersTopology(String stack) throws Exception {
        assertThat(FleetArgs.fromTopology(stackTopology(stack), Map.of()).topology()).isEqualTo(TopologyParser.parse(stackTopology(stack)));
    }

    @Test
    void aBadTreeGetsTheParsersMessage() throws Exception {
        var tree = (ObjectNode) stackTopology("dev");
        tree.put("domian", "example.com");
        assertThatThrownBy(() -> FleetArgs.fromTopology(tree, Map.of())).isInstanceOf(TopologyException.class)
                .hasMessageContaining("domian: unknown key; did you mean 'domain'?");
    }

    @Test
    void aTopologyBuiltInCodeIsCheckedWithTheParsersInvariants() throws Exception {
        Topology dev = TopologyParser.parse(stackTopology("dev"));
        List<SiteSpec> sites = new ArrayList<>(dev.sites());
        sites.add(dev.sites().get(0));
        var twice = new Topology(dev.domain(), dev.environment(), dev.peakDemand(), sites, dev.traffic(), dev.data(), dev.mesh(),
                dev.gitops(), dev.network());
        assertThatThrownBy(() -> FleetArgs.of(twice, Map.of())).isInstanceOf(TopologyException.class)
                .hasMessageContaining("sites[" + dev.sites().get(0).name() + "]");
        assertThat(FleetArgs.of(dev, null).topology()).isSameAs(dev);
    }

    @Test
    void theSecretsAreACopyAndNeverNull() throws Exception {
        Map<String, Output<String>> given = new HashMap<>(Map.of("metal-fra-kubeconfig", Output.ofSecret("kubeconfig")));
        var args = FleetArgs.fromTopology(stackTopology("dev"), given);
        given.clear();
        assertThat(args.secrets()).containsOnlyKeys("metal-fra-kubeconfig");
        assertThat(FleetArgs.fromTopology(stackTopology("dev"), null).secrets()).isEmpty();
    }
}
