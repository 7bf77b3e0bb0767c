package dev.multisite.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.NodePool;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How Java types of the model become package-schema types, and what the walker refuses. */
class SchemaTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two records of one simple name: the second would silently take the first's type token. */
    static final class First {
        record Same(String a) {
        }
    }

    static final class Second {
        record Same(Integer b) {
        }
    }

    record Holder(List<First.Same> first, Map<String, Second.Same> second) {
    }

    record Unmappable(Object anything) {
    }

    @Test
    void aRecordIsANamedObjectTypeWithItsRequiredKeysAndPlainProperties() throws Exception {
        var types = new SchemaTypes("x:index:");
        assertThat(types.spec(NodePool.class, true)).isEqualTo(JSON.readTree("{\"$ref\": \"#/types/x:index:NodePool\", \"plain\": true}"));
        assertThat(types.types().get("x:index:NodePool")).isEqualTo(JSON.readTree("""
                {"type": "object", "properties": {
                   "name": {"type": "string", "plain": true}, "machineType": {"type": "string", "plain": true},
                   "min": {"type": "integer", "plain": true}, "max": {"type": "integer", "plain": true}},
                 "required": ["name", "machineType", "min", "max"]}"""));
    }

    @Test
    void valuesReadFromTextAreStringsAndReplicasIsAUnion() throws Exception {
        var types = new SchemaTypes("x:index:");
        assertThat(types.spec(Cidr.class, false)).isEqualTo(JSON.readTree("{\"type\": \"string\"}"));
        assertThat(types.spec(DataSettings.Replicas.class, false).path("oneOf")).hasSize(2);
        assertThat(types.spec(DataSettings.Mode.class, false)).isEqualTo(JSON.readTree("{\"type\": \"string\"}"));
        assertThat(types.types()).isEmpty();
    }

    @Test
    void twoTypesOfOneNameAndATypeWithNoSchemaFormAreRefused() {
        assertThatThrownBy(() -> new SchemaTypes("x:index:").recordProperties(Holder.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x:index:Same names both").hasMessageContaining("First$Same").hasMessageContaining("Second$Same");
        assertThatThrownBy(() -> new SchemaTypes("x:index:").recordProperties(Unmappable.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no package schema type for java.lang.Object");
    }

    @Test
    void aSealedChoiceIsAnObjectWithOneOptionalPropertyPerKind() throws Exception {
        var types = new SchemaTypes("x:index:");
        assertThat(types.spec(DnsBackend.class, true)).isEqualTo(JSON.readTree("{\"$ref\": \"#/types/x:index:DnsBackend\", \"plain\": true}"));
        var backend = types.types().get("x:index:DnsBackend");
        assertThat(backend.path("properties").fieldNames()).toIterable().containsExactly("route53", "cloudflare", "clouddns");
        assertThat(backend.path("properties").path("clouddns").path("$ref").asText()).isEqualTo("#/types/x:index:CloudDnsBackend");
        assertThat(backend.has("required")).as("which one is the parser's to check").isFalse();
        assertThat(types.types().get("x:index:Route53Backend").path("required")).extracting(n -> n.asText()).containsExactly("hostedZoneId");
    }
}
