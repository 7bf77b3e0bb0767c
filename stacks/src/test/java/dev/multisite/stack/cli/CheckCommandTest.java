package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.stack.ExampleStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `multisite check` on offline plans: the example stacks pass, broken plans fail with the right rule. */
class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path planOf(String stack, Path dir) {
        Path json = dir.resolve(stack + ".json");
        var r = run("plan", "--stack-file", ExampleStacks.file(stack).toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return json;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "global"})
    void everyExampleStackHasNoMandatoryViolation(String stack, @TempDir Path dir) {
        var r = run("check", planOf(stack, dir).toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("0 mandatory");
    }

    @Test
    void aPlanWithAnOpenClusterApiFailsTheGate(@TempDir Path dir) throws Exception {
        Path json = planOf("prod", dir);
        var doc = (ObjectNode) JSON.readTree(json.toFile());
        for (var step : doc.withArray("steps")) {
            if (step.path("newState").path("type").asText().equals("aws:eks/cluster:Cluster")) {
                ((ArrayNode) step.path("newState").path("inputs").path("vpcConfig").path("publicAccessCidrs")).removeAll().add("0.0.0.0/0");
            }
        }
        JSON.writeValue(json.toFile(), doc);

        var r = run("check", json.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("[mandatory] cluster-api-not-open-to-world: aws-use1-eks API is open to 0.0.0.0/0");

        var asJson = run("check", "--format", "json", json.toString());
        assertThat(JSON.readTree(asJson.out()).path("mandatory").asInt()).isEqualTo(2);

        Path config = dir.resolve("rules.yaml");
        Files.writeString(config, "cluster-api-not-open-to-world: advisory\n");
        var relaxed = run("check", "--config", config.toString(), json.toString());
        assertThat(relaxed.code()).isZero();
        assertThat(relaxed.out()).contains("[advisory] cluster-api-not-open-to-world");
    }

    @Test
    void aPlanWithoutHealthChecksForASiteFailsTheGate(@TempDir Path dir) throws Exception {
        // data: Route 53 is authoritative for its global hostname (prod's is Cloudflare's load balancer).
        Path json = planOf("data", dir);
        var doc = (ObjectNode) JSON.readTree(json.toFile());
        var steps = doc.withArray("steps");
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).path("urn").asText().endsWith("::az-weu-global")) {
                ((ObjectNode) steps.get(i).path("newState").path("inputs")).remove("healthCheckId");
            }
        }
        JSON.writeValue(json.toFile(), doc);
        var r = run("check", json.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("global-records-health-checked: record az-weu-global (az-weu) has no health check");
    }

    @Test
    void aMissingFileExitsTwo() {
        var r = run("check", "nope.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: no such preview file");
    }

    @Test
    void thePlanShowsThePolicyResult() {
        var r = run("plan", "--stack-file", ExampleStacks.file("dev").toString());
        assertThat(r.out()).contains("policy pack multisite (", "0 mandatory");
    }
}
