package dev.multisite.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static dev.multisite.topology.Fixtures.site;
import static dev.multisite.topology.Fixtures.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Every string, number and list the parser accepts is bounded; each refusal is one line naming the field and the limit. */
class TopologyLimitsTest {

    @Test
    void anyStringIsAtMost253Characters() {
        assertThat(problemOf(d -> site(d, 3).putObject("existing").put("kubeconfig", "metal-fra-kubeconfig").put("context", "c".repeat(254))))
                .isEqualTo("sites[metal-fra].existing.context: '" + "c".repeat(40) + "...' is 254 characters; at most 253 are allowed here");
    }

    @Test
    void mappingKeysAreBoundedToo() {
        assertThat(problemOf(d -> d.put("k".repeat(300), 1))).startsWith("multisite:topology: key 'kkkk").endsWith("is 300 characters; keys are at most 253");
    }

    @Test
    void aRegionIsAtMost32CharactersEvenWhenItHasTheProvidersShape() {
        assertThat(problemOf(d -> site(d, 0).put("region", "us-" + "e".repeat(40) + "-1")))
                .isEqualTo("sites[aws-use1].region: 'us-eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee...' is 45 characters; a region name is at most 32, e.g. us-east-1");
    }

    @Test
    void machineTypesHaveTheCloudsShape() {
        assertThat(problemOf(d -> ((ObjectNode) site(d, 0).path("kubernetes").path("nodePools").get(0)).put("machineType", "m6i large")))
                .startsWith("sites[aws-use1].kubernetes.nodePools[system].machineType: 'm6i large' is not a machine type; at most 64 letters");
    }

    @Test
    void anAzureSubscriptionIsAGuid() {
        assertThat(problemOf(d -> ((ObjectNode) site(d, 2).path("azure")).put("subscriptionId", "my-subscription")))
                .startsWith("sites[az-weu].azure.subscriptionId: 'my-subscription' is not a subscription id; write the GUID");
    }

    @Test
    void numbersBeyondAnyFieldAreRefusedBeforeBinding() {
        assertThat(problemOf(d -> site(d, 0).set("capacity", d.numberNode(new BigInteger("1" + "0".repeat(30))))))
                .isEqualTo("sites[aws-use1].capacity: 1000000000000000000000000000000 is too large; no field takes a number above 4294967294");
        assertThat(problemOf(d -> site(d, 0).put("capacity", 3_000_000_000L)))
                .isEqualTo("sites[aws-use1].capacity: 3000000000 is out of range; expected a whole number up to 2147483647");
    }

    @Test
    void namesBuiltFromTheDomainMustStayDnsNames() {
        String domain = ("d".repeat(60) + ".").repeat(3) + "e".repeat(60) + ".com";
        assertThat(problemOf(d -> d.put("domain", domain)))
                .startsWith("domain: 'dddd").contains("is too long for the names built from it: 262 characters in metal-fra.mesh.<domain>");
    }

    @Test
    void atMost255Sites() {
        assertThat(problemOf(d -> {
            var sites = d.withArray("sites");
            for (int i = 0; i < 252; i++) {
                sites.add(sites.get(0).deepCopy());
            }
        })).isEqualTo("sites: 256 sites declared; at most 255 (one Cilium cluster id each)");
    }

    @Test
    void nullsInListsAndMapsAreNamedAtTheElement() {
        assertThat(problemOf(d -> site(d, 0).withObject("kubernetes").withArray("nodePools").insertNull(1)))
                .isEqualTo("sites[aws-use1].kubernetes.nodePools[1]: null is not allowed; expected a mapping with name, machineType, min, max");
        assertThat(problemOf(d -> d.putObject("network").putObject("interconnect").putObject("hubs").putArray("aws").addNull()))
                .isEqualTo("network.interconnect.hubs.aws[0]: null is not allowed; expected a string (quote it)");
        assertThat(problemOf(d -> d.putObject("mesh").put("enabled", "yes")))
                .isEqualTo("mesh.enabled: expected a boolean (true or false), got the string 'yes'");
    }
}
