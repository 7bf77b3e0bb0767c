package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.offline.Plan;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.RealPreviews;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * `multisite check` on documents shaped like the real `pulumi preview --json` (pkg/display/json.go):
 * a preview of the deployed stack after one change (unchanged steps hidden), a first preview
 * (values from other resources unknown), and documents that are not previews at all.
 */
class CheckRealPreviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    private static ObjectNode document;

    @BeforeAll
    static void plan() {
        // data: the example whose global traffic is on Route 53 health checks.
        plan = ExampleStacks.plan("data");
        document = RealPreviews.document(plan, RealPreviews.StackFileConfig.of("data"), r -> r);
    }

    private static Path write(Path dir, JsonNode doc) throws Exception {
        Path file = dir.resolve("preview.json");
        JSON.writeValue(file.toFile(), doc);
        return file;
    }

    private static String healthCheckUrn() {
        return plan.ofType("aws:route53/healthCheck:HealthCheck").stream().filter(r -> r.inputs().has("regions")).findFirst().orElseThrow().urn();
    }

    @Test
    void aPreviewAfterOneChangeJudgesTheChangeAndTheTopologyAndNamesShowSames(@TempDir Path dir) throws Exception {
        var clean = RealPreviews.afterOneChange(document, healthCheckUrn(), inputs -> inputs);
        var r = run("check", write(dir, clean).toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("0 mandatory", "not judged", "--show-sames", "kubernetes-own-site-provider")
                .doesNotContain("min-two-sites: 0 site(s)");

        var twoRegions = RealPreviews.afterOneChange(document, healthCheckUrn(),
                inputs -> ((ObjectNode) inputs).set("regions", JSON.createArrayNode().add("us-east-1").add("eu-west-1")));
        var caught = run("check", write(dir, twoRegions).toString());
        assertThat(caught.code()).isEqualTo(1);
        assertThat(caught.out()).contains("[mandatory] health-check-regions-and-interval");
    }

    @Test
    void aPreviewAfterOneChangeStillJudgesTopologyRules(@TempDir Path dir) throws Exception {
        var skewed = RealPreviews.afterOneChange(document, healthCheckUrn(), inputs -> inputs);
        ObjectNode config = (ObjectNode) skewed.path("config");
        var topology = (ObjectNode) JSON.readTree(config.path("multisite:topology").asText());
        topology.withArray("sites").forEach(site -> {
            if (site.path("provider").asText().equals("aws")) {
                ((ObjectNode) site).put("capacity", 1000);
            }
        });
        config.put("multisite:topology", topology.toString());
        var r = run("check", write(dir, skewed).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("[mandatory] provider-capacity-share: provider aws carries");
    }

    @Test
    void aFirstPreviewWithUnknownsHasNoMandatoryViolation(@TempDir Path dir) throws Exception {
        var first = RealPreviews.document(plan, RealPreviews.StackFileConfig.of("data"), RealPreviews::firstPreview);
        assertThat(first.toString()).contains(dev.multisite.policy.Unknowns.SENTINEL);
        var r = run("check", write(dir, first).toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("0 mandatory");
    }

    /** Documents that are not previews, and bad rule configs next to a good preview. */
    static Stream<Arguments> refused() {
        return Stream.of(
                preview("steps null", "{\"steps\":null}", "steps is null, not an array"),
                preview("a number", "42", "no steps array"),
                preview("step is a number", "{\"steps\":[1]}", "steps[0]: a number 1 where a step object was expected"),
                preview("step is null", "{\"steps\":[null]}", "steps[0]: null where a step object was expected"),
                preview("step without urn", "{\"steps\":[{\"op\":\"create\",\"newState\":{\"type\":\"a:b:C\"}}]}", "steps[0].urn: missing"),
                preview("newState is a string", "{\"steps\":[{\"op\":\"create\",\"urn\":\"urn:pulumi:s::p::a:b:C::x\",\"newState\":\"x\"}]}",
                        "newState is a string"),
                preview("newState without type", "{\"steps\":[{\"op\":\"create\",\"urn\":\"urn:pulumi:s::p::a:b:C::x\",\"newState\":{}}]}",
                        "newState has no type"),
                preview("truncated", "{\"steps\":[{\"op\":", "not valid JSON at line 1"),
                preview("empty", "", "empty file"),
                preview("duplicate key", "{\"steps\":[],\"steps\":[]}", "the key 'steps' appears twice in one object"),
                config("unknown rule", "min-too-sites: advisory\n", "'min-too-sites' is not a rule of the pack"),
                config("bad level", "dns-ttl-limit: warn\n", "'warn' is not an enforcement level"),
                config("unknown setting", "dns-ttl-limit: {maxTtl: 30}\n", "dns-ttl-limit.maxTtl: not a setting of this rule; use maxTtlSeconds"),
                config("setting not a number", "dns-ttl-limit: {maxTtlSeconds: soon}\n", "use a number >= 0"),
                config("not YAML", "a: [b\n", "not valid YAML at line"),
                config("a list", "- dns-ttl-limit\n", "expected a mapping of rule name"));
    }

    @Test
    void latin1TextIsNamedAsAnEncodingProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"steps\":[], \"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        oneErrorLine(run("check", file.toString())).contains("not valid UTF-8");
    }

    /** What `check` is given: a document that is not a preview, or a bad rule config next to a good preview. */
    record Refused(String text, boolean isConfig) {
        String[] args(Path dir) throws Exception {
            if (!isConfig) {
                Path file = dir.resolve("bad.json");
                Files.writeString(file, text);
                return new String[]{"check", file.toString()};
            }
            Path config = dir.resolve("rules.yaml");
            Files.writeString(config, text);
            return new String[]{"check", "--config", config.toString(), write(dir, document).toString()};
        }

        /** How the error line starts: a config's problem names the option. */
        String prefix() {
            return isConfig ? "error: --config " : "";
        }
    }

    private static Arguments preview(String name, String text, String words) {
        return Arguments.of(name, new Refused(text, false), words);
    }

    private static Arguments config(String name, String yaml, String words) {
        return Arguments.of(name, new Refused(yaml, true), words);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusedInputExitsTwoWithOneLine(String name, Refused input, String words, @TempDir Path dir) throws Exception {
        var r = run(input.args(dir));
        oneErrorLine(r).startsWith(input.prefix()).contains(words).doesNotContain("Exception", "at com.", "at dev.");
        assertThat(r.out()).isEmpty();
    }

    /** A refused input: exit 2 and exactly one line on stderr, returned for what it must say. */
    private static AbstractStringAssert<?> oneErrorLine(PlanCommandTest.Run r) {
        assertThat(r.code()).isEqualTo(2);
        return assertThat(r.err().strip().lines()).singleElement().asString();
    }
}
