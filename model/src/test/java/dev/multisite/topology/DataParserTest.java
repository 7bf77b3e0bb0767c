package dev.multisite.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.multisite.topology.Refusal.exactly;
import static dev.multisite.topology.Refusal.startingWith;
import static org.assertj.core.api.Assertions.assertThat;

class DataParserTest {
    static final String PRIMARY_REPLICA = "{mode: primary-replica, primary: aws-use1, replicas: all, instanceClass: {aws: db.r6g.xlarge}}";
    static final String PARTITIONED = "{mode: partitioned, engine: {version: '14'}, partitions: [{name: eu, authority: az-weu}, {name: us, authority: aws-use1, replicas: [metal-fra]}]}";

    private static ObjectNode with(String data) {
        ObjectNode doc = Fixtures.valid();
        doc.set("data", Fixtures.yaml(data));
        return doc;
    }

    private static String problemOf(String data, Consumer<ObjectNode> breakData) {
        ObjectNode doc = with(data);
        breakData.accept((ObjectNode) doc.get("data"));
        return Fixtures.singleProblem(doc);
    }

    @Test
    void parsesBothModesWithDefaults() {
        var d = TopologyParser.parse(with(PRIMARY_REPLICA)).data();
        assertThat(d.mode()).isEqualTo(DataSettings.Mode.PRIMARY_REPLICA);
        assertThat(d.replicas().all()).isTrue();
        assertThat(d.instanceClassFor(CloudProvider.AWS)).isEqualTo("db.r6g.xlarge");
        assertThat(d.instanceClassFor(CloudProvider.GCP)).isEqualTo("db-custom-2-7680");
        assertThat(d.engine().version()).isEqualTo("16");
        assertThat(d.backupRetentionDays()).isEqualTo(7);
        // The fixture's existing cluster is handed the Flexible Server's private name, which only Azure
        // VNets (and the stack's forwarders on aws and gcp sites) resolve: refused by the reachability check.
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> TopologyParser.parse(with(PARTITIONED)), TopologyException.class))
                .hasMessageContaining("sites[metal-fra]: data endpoint partition eu write host (Flexible Server az-weu")
                .hasMessageContaining(Reachability.MARKER + ": its private DNS zone answers only in the VNets of az-weu");
        ObjectNode cloudOnly = with(PARTITIONED.replace("replicas: [metal-fra]", "replicas: []"));
        cloudOnly.withArray("sites").remove(3);
        var p = TopologyParser.parse(cloudOnly).data();
        assertThat(p.partitions()).extracting(DataSettings.Partition::authority).containsExactly("az-weu", "aws-use1");
    }

    /** Each broken field, and the one problem the parser refuses it with. */
    static Stream<Refusal> refusals() {
        return Stream.of(
                exactly("primaryOnANonexistentSite", () -> problemOf(PRIMARY_REPLICA, d -> d.put("primary", "aws-usw9")),
                        "data.primary: 'aws-usw9' is not a site of this stack; use one of [aws-use1, gcp-euw4, az-weu, metal-fra]"),
                startingWith("primaryOnAnExistingCluster", () -> problemOf(PRIMARY_REPLICA, d -> d.put("primary", "metal-fra")),
                        "data.primary: 'metal-fra' is an existing cluster; Multisite provisions managed PostgreSQL"),
                exactly("replicaThatIsThePrimary", () -> problemOf(PRIMARY_REPLICA, d -> d.putArray("replicas").add("gcp-euw4").add("aws-use1")),
                        "data.replicas: 'aws-use1' is the primary of the same data; a site cannot be both primary and replica"),
                exactly("replicaOnANonexistentSite", () -> problemOf(PRIMARY_REPLICA, d -> d.putArray("replicas").add("nowhere")),
                        "data.replicas: 'nowhere' is not a site of this stack"),
                exactly("twoPrimariesForOnePartition", () -> problemOf(PARTITIONED, d -> ((ObjectNode) d.withArray("partitions").get(1)).put("name", "eu")),
                        "data.partitions[eu].name: 'eu' is declared twice; each partition has exactly one authority"),
                startingWith("aStackPrimaryInPartitionedMode", () -> problemOf(PARTITIONED, d -> d.put("primary", "aws-use1")),
                        "data.primary: set in partitioned mode; each partition names its own authority"),
                exactly("partitionReplicaIsItsAuthority", () -> problemOf(PARTITIONED, d -> ((ObjectNode) d.withArray("partitions").get(0)).putArray("replicas").add("az-weu")),
                        "data.partitions[eu].replicas: 'az-weu' is the primary of the same data; a site cannot be both primary and replica"),
                exactly("promoteMustBeAReplica", () -> problemOf(PRIMARY_REPLICA, d -> d.put("promote", "aws-use1")),
                        "data.promote: 'aws-use1' is not a replica of the primary aws-use1; promote one of its replicas"),
                startingWith("promoteAcrossProvidersIsNotSupported", () -> problemOf(PRIMARY_REPLICA, d -> d.put("promote", "gcp-euw4")),
                        "data.promote: 'gcp-euw4' reads over the interconnect from aws and has no aws replica to promote"),
                exactly("onlyPostgresql", () -> problemOf(PRIMARY_REPLICA, d -> d.putObject("engine").put("name", "mysql")),
                        "data.engine.name: 'mysql' is not supported; only postgresql"),
                exactly("unknownMode", () -> problemOf(PRIMARY_REPLICA, d -> d.put("mode", "multi-primary")),
                        "data.mode: 'multi-primary' is not allowed; use one of primary-replica, partitioned"),
                exactly("replicasMustBeAllOrAList", () -> problemOf(PRIMARY_REPLICA, d -> d.put("replicas", "some")),
                        "data.replicas: '\"some\"' is not allowed; use all, or a list of site names"),
                startingWith("azurePrimariesNeedAVersionTheirApiOffers", () -> problemOf(PARTITIONED, d -> d.putObject("engine").put("version", "16")),
                        "data.engine.version: '16' is not offered by the Azure Flexible Server API this project pins; use 14 or lower"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesTheBrokenFieldWithItsProblem(Refusal refusal) {
        refusal.check();
    }

    /** A second GCP site, in another project than gcp-euw4 unless {@code project} says otherwise. */
    private static ObjectNode withSecondGcpSite(String data, String project) {
        ObjectNode doc = with(data);
        doc.withArray("sites").add(Fixtures.yaml("""
                name: gcp-usc1
                provider: gcp
                region: us-central1
                capacity: 50
                network: {vpcCidr: 10.9.0.0/16, podCidr: 100.79.0.0/16, serviceCidr: 172.16.144.0/20}
                mesh: {clusterId: 9}
                kubernetes: {version: "1.31", apiAccessCidrs: [203.0.113.0/24], nodePools: [{name: system, machineType: e2-standard-4, min: 2, max: 6}]}
                gcp: {project: %s, masterIpv4Cidr: 192.168.9.0/28}
                """.formatted(project)));
        ((ObjectNode) doc.withArray("sites").get(1).get("gcp")).put("privateServicesCidr", "10.102.0.0/20");
        return doc;
    }

    @Test
    void cloudSqlReplicaInAnotherProjectIsRejectedByName() {
        String data = "{mode: primary-replica, primary: gcp-euw4, replicas: [gcp-usc1], instanceClass: {gcp: db-custom-4-16384}}";
        assertThat(Fixtures.singleProblem(withSecondGcpSite(data, "multisite-other-project")))
                .isEqualTo("data.replicas: 'gcp-usc1' is in GCP project multisite-other-project but the Cloud SQL primary on gcp-euw4 is in"
                        + " multisite-test-gcp; cross-project Cloud SQL replicas (master 'project:instance', Shared VPC) are not built:"
                        + " put both sites in one project or list only same-project sites as replicas");
        // replicas: all means every other site, so the other project's site is named the same way.
        assertThat(Fixtures.singleProblem(withSecondGcpSite("{mode: primary-replica, primary: gcp-euw4}", "multisite-other-project")))
                .startsWith("data.replicas: 'gcp-usc1' is in GCP project multisite-other-project");
        assertThat(TopologyParser.parse(withSecondGcpSite(data, "multisite-test-gcp")).data().replicas().sites()).containsExactly("gcp-usc1");
    }

    @Test
    void cloudSqlReplicaInAnotherProjectIsRejectedInAPartitionToo() {
        String data = "{mode: partitioned, partitions: [{name: eu, authority: gcp-euw4, replicas: [gcp-usc1]}]}";
        assertThat(Fixtures.singleProblem(withSecondGcpSite(data, "multisite-other-project")))
                .startsWith("data.partitions[eu].replicas: 'gcp-usc1' is in GCP project multisite-other-project");
    }
}
