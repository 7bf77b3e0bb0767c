package dev.multisite.parts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.topology.Fixtures;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartGraphTest {

    private static PartGraph graphOf(ObjectNode doc) {
        Topology topology = TopologyParser.parse(doc);
        return PartGraph.of(topology);
    }

    @Test
    void everyPartComesAfterWhatItDependsOn() {
        PartGraph graph = graphOf(Fixtures.valid());
        List<String> seen = new ArrayList<>();
        for (Part part : graph.parts()) {
            assertThat(seen).as(part.name()).containsAll(part.dependsOn());
            seen.add(part.name());
        }
        assertThat(graph.names()).containsExactly("shared", "site-aws-use1", "site-gcp-euw4", "site-az-weu", "site-metal-fra", "links");
    }

    @Test
    void sitesDependOnlyOnTheSharedPartAndTheLinksOnEveryCloudSite() {
        PartGraph graph = graphOf(Fixtures.valid());
        assertThat(graph.require("site-az-weu").dependsOn()).containsExactly("shared");
        // The existing site has no network half: the links read nothing of its part.
        assertThat(graph.require("links").dependsOn()).containsExactly("site-aws-use1", "site-gcp-euw4", "site-az-weu");
        assertThat(graph.dependents("shared")).extracting(Part::name)
                .containsExactly("site-aws-use1", "site-gcp-euw4", "site-az-weu", "site-metal-fra");
    }

    @Test
    void sitesDeployTogetherAfterTheSharedPartAndTheLinksAfterThem() {
        PartGraph graph = graphOf(Fixtures.valid());
        // Every site reads the shared part alone, so all sites deploy at once once it is done.
        assertThat(graph.parts()).filteredOn(p -> p.kind() == PartKind.SITE).hasSize(4)
                .allSatisfy(p -> assertThat(p.dependsOn()).containsExactly("shared"));
        assertThat(graph.require("links").dependsOn()).allSatisfy(d -> assertThat(graph.require(d).kind()).isEqualTo(PartKind.SITE));
    }

    @Test
    void withoutTheInterconnectThereAreNoLinks() {
        ObjectNode doc = Fixtures.valid();
        doc.putObject("network").putObject("interconnect").put("enabled", false);
        doc.putObject("mesh").put("apiserverExposure", "nodeport");
        PartGraph graph = graphOf(doc);
        assertThat(graph.part("links")).isEmpty();
    }

    @Test
    void twoAwsSitesAddTheWanPartsWhichStartWithTheSitesNotAfterThem() {
        ObjectNode doc = Fixtures.valid();
        ObjectNode second = Fixtures.site(doc, 0).deepCopy();
        second.put("name", "aws-euw1").put("region", "eu-west-1");
        second.putObject("network").put("vpcCidr", "10.5.0.0/16").put("podCidr", "100.69.0.0/16").put("serviceCidr", "172.16.80.0/20");
        second.putObject("mesh").put("clusterId", 5);
        doc.withArray("sites").add(second);
        PartGraph graph = graphOf(doc);
        // The core network needs no site; only the attachments wait for it and for the AWS sites' Transit Gateways.
        assertThat(graph.require("wan").dependsOn()).isEmpty();
        assertThat(graph.require("wan-attachments").dependsOn()).containsExactly("wan", "site-aws-use1", "site-aws-euw1");
        assertThat(graph.dependents("wan")).extracting(Part::name).containsExactly("wan-attachments");
        assertThat(graph.require("links").dependsOn()).doesNotContain("wan", "wan-attachments");
    }

    @Test
    void destroyOrderIsTheDeployOrderReversed() {
        PartGraph graph = graphOf(Fixtures.valid());
        List<String> destroy = graph.destroyOrder().stream().map(Part::name).toList();
        assertThat(destroy.get(0)).isEqualTo("links");
        assertThat(destroy.get(destroy.size() - 1)).isEqualTo("shared");
        assertThat(destroy).containsExactlyInAnyOrderElementsOf(graph.names());
    }

    @Test
    void anUnknownPartIsRefusedNamingTheParts() {
        assertThatThrownBy(() -> graphOf(Fixtures.valid()).require("site-nope"))
                .hasMessage("'site-nope' is not a part of this stack; parts: shared, site-aws-use1, site-gcp-euw4, site-az-weu, site-metal-fra, links");
    }

    @Test
    void anOverlongUnknownPartIsShortenedInTheMessage() {
        String name = "x".repeat(500);
        assertThatThrownBy(() -> graphOf(Fixtures.valid()).require(name))
                .hasMessageStartingWith("'" + dev.multisite.topology.TopologyLimits.quote(name) + "' is not a part")
                .hasMessageNotContaining(name);
    }

    @Test
    void aListOutOfDeployOrderOrWithACycleIsRefused() {
        var a = new Part("a", PartKind.SHARED, null, List.of("b"));
        var b = new Part("b", PartKind.SHARED, null, List.of("a"));
        assertThatThrownBy(() -> new PartGraph(List.of(a, b))).hasMessageContaining("part a depends on b, which is not an earlier part");
        assertThatThrownBy(() -> new PartGraph(List.of(new Part("a", PartKind.SHARED, null, List.of()), new Part("a", PartKind.WAN, null, List.of()))))
                .hasMessage("part a is listed twice");
    }

    @Test
    void aPartStackIsNamedAfterTheFleetStack() {
        assertThat(graphOf(Fixtures.valid()).require("site-az-weu").stackName("prod")).isEqualTo("prod-site-az-weu");
    }

    @Test
    void theDataInstancesWaitOnlyForTheSitesOfAPrimarysProviderAndTheEndpointsForEverySite() {
        ObjectNode doc = Fixtures.valid();
        // Without the existing site: it could not resolve the Flexible Server's private name (Reachability).
        doc.withArray("sites").remove(3);
        doc.set("data", Fixtures.yaml("{mode: partitioned, engine: {version: '14'}, partitions: [{name: eu, authority: az-weu}, "
                + "{name: us, authority: aws-use1, replicas: [gcp-euw4]}]}"));
        PartGraph graph = graphOf(doc);
        // The replica on gcp-euw4 is of another provider: not provisioned, so its site is not waited for.
        assertThat(graph.require("data").dependsOn()).containsExactly("site-aws-use1", "site-az-weu");
        assertThat(graph.require("data-endpoints").dependsOn())
                .containsExactly("data", "site-aws-use1", "site-gcp-euw4", "site-az-weu");
    }
}
