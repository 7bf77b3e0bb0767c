package dev.multisite.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import com.pulumi.core.internal.Internal;
import com.pulumi.provider.internal.properties.PropertyValue;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.TopologyException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Construct inputs as the engine sends them (maps, numbers as doubles, secrets, unknowns) read into FleetArgs, parsed once. */
class FleetInputsTest {

    /** prod's topology as Construct inputs (through protobuf, as the engine marshals them), with {@code secrets}. */
    private static Map<String, PropertyValue> prod(PropertyValue secrets) throws Exception {
        var file = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "stacks", "Pulumi.prod.yaml").toFile());
        var struct = Struct.newBuilder();
        JsonFormat.parser().merge(file.path("config").path("multisite:topology").toString(), struct);
        Map<String, PropertyValue> inputs = new HashMap<>(PropertyValue.unmarshalProperties(struct.build()));
        inputs.put(FleetInputs.SECRETS, secrets);
        return inputs;
    }

    private static PropertyValue secrets(Map<String, PropertyValue> entries) {
        return PropertyValue.of(entries);
    }

    private static final Map<String, PropertyValue> BOTH = Map.of(
            "metal-fra-kubeconfig", PropertyValue.ofSecret(PropertyValue.of("kubeconfig")),
            "cloudflare-api-token", PropertyValue.of("token"));

    @Test
    void mapsAndWholeNumbersReachTheTopology() throws Exception {
        var topology = FleetInputs.args(prod(secrets(BOTH))).topology();
        assertThat(topology.peakDemand()).isEqualTo(260);
        assertThat(topology.network().interconnect().hubs().get("aws")).containsExactly("aws-use1", "aws-euw1");
        assertThat(topology.data().instanceClassFor(CloudProvider.AWS)).isEqualTo("db.r6g.xlarge");
        assertThat(topology.sites().get(0).network().asn()).isEqualTo(64601L);
        // prod says replicas: all, which the schema's union (all, or a list of sites) lets through.
        assertThat(topology.data().replicas().all()).isTrue();
    }

    @Test
    void secretsStaySecretMarkedOrNotAndKnownOrNot() throws Exception {
        var args = FleetInputs.args(prod(secrets(Map.of(
                "metal-fra-kubeconfig", PropertyValue.ofSecret(PropertyValue.of("kubeconfig")),
                "cloudflare-api-token", PropertyValue.of("token"),
                "later", PropertyValue.COMPUTED))));
        var marked = Internal.of(args.secrets().get("metal-fra-kubeconfig")).getDataAsync().get();
        assertThat(marked.isSecret()).isTrue();
        assertThat(marked.getValueNullable()).isEqualTo("kubeconfig");
        assertThat(Internal.of(args.secrets().get("cloudflare-api-token")).getDataAsync().get().isSecret()).isTrue();
        var unknown = Internal.of(args.secrets().get("later")).getDataAsync().get();
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.isSecret()).isTrue();
    }

    @Test
    void aBadValueGetsTheParsersMessage() throws Exception {
        var inputs = prod(secrets(BOTH));
        inputs.put("peakDemand", PropertyValue.of("lots"));
        assertThatThrownBy(() -> FleetInputs.args(inputs)).isInstanceOf(TopologyException.class)
                .hasMessageContaining("peakDemand: expected a whole number, got the string 'lots'");
    }

    @Test
    void anUnknownTopologyValueIsRefusedByPath() throws Exception {
        var inputs = prod(secrets(BOTH));
        inputs.put("sites", PropertyValue.of(List.of(PropertyValue.of(Map.of("name", PropertyValue.COMPUTED)))));
        assertThatThrownBy(() -> FleetInputs.args(inputs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sites[0].name: not known during preview; the fleet's topology must be plain values"
                        + " (it decides which resources exist), not outputs of other resources");
    }
}
