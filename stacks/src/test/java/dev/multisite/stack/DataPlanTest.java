package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.stack.plan.PreviewDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The data tier of prod, and of prod changed to partitioned mode and to a promotion. */
class DataPlanTest {
    private static Plan plan;

    @BeforeAll
    static void planProd() {
        plan = ExampleStacks.plan("prod");
    }

    /** Plans prod with its data block changed. */
    static Plan prodWith(Consumer<ObjectNode> change) {
        return ExampleStacks.planEdited("prod", topology -> change.accept((ObjectNode) topology.path("data")));
    }

    private static PlannedResource named(Plan p, String name) {
        return p.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    private static JsonNode configMapOf(Plan p, String site) {
        return named(p, site + "-data-endpoints").inputs().path("data");
    }

    @Test
    void onePrimaryEncryptedDeletionProtectedAndProtectedWithAManagedPassword() {
        var primaries = plan.ofType("aws:rds/instance:Instance").stream().filter(r -> !r.inputs().has("replicateSourceDb")).toList();
        assertThat(primaries).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("aws-use1-db");
            assertThat(p.protect()).isTrue();
            assertThat(p.inputs().path("storageEncrypted").asBoolean()).isTrue();
            assertThat(p.inputs().path("kmsKeyId").asText()).startsWith("arn:aws:kms:us-east-1:");
            assertThat(p.inputs().path("deletionProtection").asBoolean()).isTrue();
            assertThat(p.inputs().path("manageMasterUserPassword").asBoolean()).isTrue();
            assertThat(p.inputs().has("password")).isFalse();
            assertThat(p.inputs().path("backupRetentionPeriod").asInt()).isEqualTo(14);
            assertThat(p.inputs().path("instanceClass").asText()).isEqualTo("db.r6g.xlarge");
            assertThat(p.inputs().path("publiclyAccessible").asBoolean()).isFalse();
        });
    }

    @Test
    void theOtherAwsRegionGetsAnEncryptedReplicaWithAKeyInItsOwnRegion() {
        var replica = named(plan, "aws-euw1-db");
        assertThat(replica.inputs().path("replicateSourceDb").asText()).startsWith("arn:aws:rds:us-east-1:");
        assertThat(replica.inputs().path("storageEncrypted").asBoolean()).isTrue();
        assertThat(replica.inputs().path("kmsKeyId").asText()).startsWith("arn:aws:kms:eu-west-1:");
        Map<String, PlannedResource> byUrn = plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
        assertThat(byUrn.get(replica.providerUrn()).name()).isEqualTo("aws-euw1-aws");
        assertThat(plan.ofType("aws:rds/instance:Instance")).hasSize(2);
    }

    @Test
    void postgresIsOpenOnlyToTheSitesRanges() {
        var sg = named(plan, "aws-use1-db-sg").inputs();
        assertThat(sg.path("ingress")).singleElement().satisfies(rule -> {
            assertThat(rule.path("fromPort").asInt()).isEqualTo(5432);
            assertThat(rule.path("toPort").asInt()).isEqualTo(5432);
            assertThat(rule.path("cidrBlocks")).extracting(JsonNode::asText).doesNotContain("0.0.0.0/0").contains("10.3.0.0/16", "100.67.0.0/16");
        });
    }

    @Test
    void everySiteIsToldItsReadAndWriteEndpointsThroughItsOwnProvider() {
        Map<String, PlannedResource> byUrn = plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
        String primaryHost = plan.outputs().get("databaseWriteEndpoints").path("default").asText();
        for (String site : new String[]{"aws-use1", "aws-euw1", "gcp-euw4", "az-weu", "metal-fra"}) {
            var cm = named(plan, site + "-data-endpoints");
            assertThat(byUrn.get(cm.providerUrn()).name()).as("provider of %s", cm.name()).isEqualTo(site + "-k8s");
            assertThat(cm.inputs().path("data").path("MULTISITE_DB_WRITE_HOST").asText()).isEqualTo(primaryHost);
            var secret = named(plan, site + "-data-credentials");
            assertThat(secret.inputs().path("stringData").asText()).isEqualTo("[secret]");
        }
        assertThat(configMapOf(plan, "aws-euw1").path("MULTISITE_DB_READ_HOST").asText()).startsWith("aws-euw1-db-").contains("eu-west-1");
        assertThat(configMapOf(plan, "aws-euw1").path("MULTISITE_DB_READ_MODE").asText()).isEqualTo("local-replica");
        assertThat(configMapOf(plan, "gcp-euw4").path("MULTISITE_DB_READ_HOST").asText()).isEqualTo(primaryHost);
        assertThat(configMapOf(plan, "gcp-euw4").path("MULTISITE_DB_READ_MODE").asText()).isEqualTo("remote-primary");
    }

    @Test
    void noPasswordAppearsInThePlanOrOutputs() throws Exception {
        String text = PreviewDocument.of(plan, ExampleStacks.read("prod").config(), 0).toJson() + plan.outputs();
        assertThat(text).doesNotContainIgnoringCase("\"password\"").doesNotContain("secretsmanager");
        assertThat(plan.outputs().get("databaseReplicas").path("aws-euw1/default").path("promoteCommand").asText())
                .startsWith("aws rds promote-read-replica --region eu-west-1 --db-instance-identifier aws-euw1-db-");
    }

    @Test
    void partitionedModeHasOnePrimaryPerPartitionAndAnAuthorityMapInEverySite() throws Exception {
        Plan partitioned = prodWith(d -> {
            d.removeAll();
            d.put("mode", "partitioned");
            var parts = d.putArray("partitions");
            parts.addObject().put("name", "us").put("authority", "aws-use1");
            parts.addObject().put("name", "eu").put("authority", "aws-euw1").putArray("replicas").add("aws-use1");
        });
        var instances = partitioned.ofType("aws:rds/instance:Instance");
        assertThat(instances).extracting(PlannedResource::name).containsExactlyInAnyOrder("aws-use1-us-db", "aws-euw1-eu-db", "aws-use1-eu-db");
        assertThat(instances.stream().filter(r -> !r.inputs().has("replicateSourceDb"))).hasSize(2);
        JsonNode authority = new ObjectMapper().readTree(configMapOf(partitioned, "gcp-euw4").path("MULTISITE_DB_PARTITIONS").asText());
        assertThat(authority.path("us").path("write").asText()).startsWith("aws-use1-us-db-");
        assertThat(authority.path("eu").path("write").asText()).startsWith("aws-euw1-eu-db-");
        JsonNode local = new ObjectMapper().readTree(configMapOf(partitioned, "aws-use1").path("MULTISITE_DB_PARTITIONS").asText());
        assertThat(local.path("eu").path("read").asText()).startsWith("aws-use1-eu-db-");
    }

    @Test
    void promotionMovesTheWriteEndpointToTheReplica() throws Exception {
        Plan promoted = prodWith(d -> d.put("promote", "aws-euw1"));
        var newPrimary = named(promoted, "aws-euw1-db");
        assertThat(newPrimary.inputs().has("replicateSourceDb")).as("the replica loses its source").isFalse();
        assertThat(newPrimary.protect()).isTrue();
        assertThat(named(promoted, "aws-use1-db").inputs().path("tags").path("multisite-role").asText()).isEqualTo("retired-primary");
        assertThat(promoted.outputs().get("databasePrimaries").path("default").asText()).isEqualTo("aws-euw1");
        String write = promoted.outputs().get("databaseWriteEndpoints").path("default").asText();
        assertThat(write).startsWith("aws-euw1-db-");
        for (String site : new String[]{"aws-use1", "gcp-euw4", "metal-fra"}) {
            assertThat(configMapOf(promoted, site).path("MULTISITE_DB_WRITE_HOST").asText()).isEqualTo(write);
        }
    }
}
