package dev.multisite.pkg;

import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.properties.PropertyValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Construct inputs as the engine sends them (maps, numbers as doubles, secrets, unknowns) read into FleetArgs. */
class FleetInputsTest {

    private static PropertyValue map(Map<String, PropertyValue> entries) {
        return PropertyValue.of(entries);
    }

    private static Map<String, PropertyValue> inputs(PropertyValue secrets) {
        return Map.of(
                "domain", PropertyValue.of("example.com"),
                "peakDemand", PropertyValue.of(260.0),
                "network", map(Map.of("interconnect", map(Map.of(
                        "hubs", map(Map.of("aws", PropertyValue.of(List.of(PropertyValue.of("aws-use1"), PropertyValue.of("aws-euw1"))))),
                        "waivers", map(Map.of("gcp-euw4", PropertyValue.of("one uplink"))))))),
                FleetInputs.SECRETS, secrets);
    }

    @Test
    void mapsAndWholeNumbersReachTheTopologyTree() {
        var args = FleetInputs.args(inputs(map(Map.of())));
        var tree = args.topologyTree();
        assertThat(tree.path("peakDemand").isIntegralNumber()).isTrue();
        assertThat(tree.path("peakDemand").asInt()).isEqualTo(260);
        assertThat(tree.path("network").path("interconnect").path("hubs").path("aws").toString()).isEqualTo("[\"aws-use1\",\"aws-euw1\"]");
        assertThat(tree.path("network").path("interconnect").path("waivers").path("gcp-euw4").asText()).isEqualTo("one uplink");
        assertThat(tree.has(FleetInputs.SECRETS)).isFalse();
    }

    @Test
    void secretsStaySecretMarkedOrNotAndKnownOrNot() throws Exception {
        var args = FleetInputs.args(inputs(map(Map.of(
                "marked", PropertyValue.ofSecret(PropertyValue.of("kubeconfig-a")),
                "plain", PropertyValue.of("token-b"),
                "unknown", PropertyValue.COMPUTED))));
        var marked = Internal.of(args.secrets().get("marked")).getDataAsync().get();
        assertThat(marked.isSecret()).isTrue();
        assertThat(marked.getValueNullable()).isEqualTo("kubeconfig-a");
        assertThat(Internal.of(args.secrets().get("plain")).getDataAsync().get().isSecret()).isTrue();
        var unknown = Internal.of(args.secrets().get("unknown")).getDataAsync().get();
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.isSecret()).isTrue();
    }

    @Test
    void anUnknownTopologyValueIsRefusedByPath() {
        var inputs = new java.util.HashMap<>(inputs(map(Map.of())));
        inputs.put("sites", PropertyValue.of(List.of(map(Map.of("name", PropertyValue.COMPUTED)))));
        assertThatThrownBy(() -> FleetInputs.args(inputs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sites[0].name: not known during preview; the fleet's topology must be plain values"
                        + " (it decides which resources exist), not outputs of other resources");
    }
}
