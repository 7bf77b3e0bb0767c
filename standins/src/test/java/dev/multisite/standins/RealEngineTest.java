package dev.multisite.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.stack.cli.MultisiteCli;
import dev.multisite.stack.real.RealPulumi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack program inside the real Pulumi CLI (built from its Go modules), on a file backend, with
 * the STAND-IN providers of this module (no real aws, gcp, azure-native, kubernetes, cloudflare, tls
 * or random provider can run here) and the project's policy pack:
 * <ol>
 *   <li>{@code pulumi preview --json --show-sames --policy-pack policies} of dev and prod exits 0 (no
 *       mandatory violation) and registers the offline plan's resources: same URNs (so type, name
 *       and parent chain), same parent, same inputs except the fields listed in policies/README.md;</li>
 *   <li>{@code pulumi up} of dev, then a preview with no changes; a third site previews as creates and
 *       updates, nothing replaced; {@code pulumi destroy} leaves no resource;</li>
 *   <li>a stack that parses but breaks a mandatory rule fails {@code pulumi preview --policy-pack
 *       policies} naming the rule, and {@code ./multisite check} of that real preview's JSON gives the
 *       same mandatory verdicts.</li>
 * </ol>
 * Without the toolchain it prints one line saying the real stage did not run and why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG = Duration.ofMinutes(15);
    /**
     * The engine's policy violation lines, {@code multisite@v0.1.0 [mandatory]  <rule>  ...} (pulumi/pulumi
     * pkg/backend/display/diff.go, renderDiffPolicyViolationEvent; a severity may follow the level).
     */
    private static final Pattern ENGINE_VIOLATION = Pattern.compile("\\[mandatory](?: \\[severity: [a-z]+])?\\s+([a-z0-9-]+)");

    /**
     * Fields ({@code <type> <field>}) where the real preview's document differs from the offline
     * plan's, each with its reason in policies/README.md ("Real preview and offline plan"): the engine
     * records a provider's plugin version in its inputs, {@code version} and an {@code __internal}
     * map (pulumi/pulumi pkg/resource/deploy/providers/registry.go, SetProviderVersion); the SDK's
     * mock engine does not.
     */
    static final Pattern DOCUMENTED_DIFFERENCES = Pattern.compile("pulumi:providers:[a-z-]+ inputs(\\.version|\\.__internal)?");

    private static Path repository;
    private static Path scratch;
    private static RealProject project;
    private static RealPulumi pulumi;
    private static final Map<String, String> reported = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        long started = System.nanoTime();
        repository = Path.of("").toAbsolutePath().getParent();
        scratch = Files.createTempDirectory("multisite-real-engine-");
        pulumi = RealPulumi.open(scratch, "pulumi-language-java");
        project = RealProject.create(repository, scratch.resolve("project"));
        InstallStandins.install(pulumi.executable(), pulumi.environment(), repository.resolve("standins/pulumi-resource-standin"), StandinPackage.all());
        report("set-up (project, stand-in plugins)", seconds(System.nanoTime() - started));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (project == null) {
            return;
        }
        System.out.println("real engine: summary " + reported);
        try (Stream<Path> walk = Files.walk(scratch)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void previewWithThePolicyPackRegistersTheOfflinePlansResources(String stack) throws Exception {
        project.initStack(pulumi, stack);
        var preview = pulumi.pulumi(project.dir, LONG, "preview", "--json", "--show-sames", "--policy-pack", "policies", "--stack", stack, "--non-interactive");
        assertThat(preview.exit()).as("pulumi preview of %s (a mandatory violation fails it):\n%s", stack, RealPulumi.tail(preview.output())).isZero();
        JsonNode real = JSON.readTree(preview.stdout());
        JsonNode offline = engineUrns(offlinePlan(repository.resolve("stacks/Pulumi." + stack + ".yaml")));

        var comparison = PreviewComparison.of(offline, real);
        report(stack + " preview", preview.took().toSeconds() + " s, " + comparison.real.size() + " resources (offline plan: "
                + comparison.offline.size() + "), " + comparison.unknownInReal + " input values unknown until up");
        comparison.differingFields().forEach(d -> System.out.println("real engine: " + stack + " field differs: " + d));
        comparison.differences.stream().limit(15).forEach(d -> System.out.println("real engine: " + stack + " e.g.: " + d));

        assertThat(comparison.onlyOffline).as("resources only in the offline plan").isEmpty();
        assertThat(comparison.onlyReal).as("resources only in the real preview").isEmpty();
        assertThat(comparison.differingFields()).as("fields that differ and are not listed in policies/README.md")
                .allMatch(field -> DOCUMENTED_DIFFERENCES.matcher(field).matches());
    }

    @Order(2)
    @Test
    void upThenNoChangesThenAThirdSiteIsCreatedNotReplacedThenDestroyEmptiesTheStack() throws Exception {
        project.initStack(pulumi, "dev");
        var up = pulumi.ok(project.dir, LONG, "up", "--yes", "--skip-preview", "--stack", "dev", "--non-interactive");
        report("dev up", up.took().toSeconds() + " s");

        var again = pulumi.ok(project.dir, LONG, "preview", "--json", "--stack", "dev", "--non-interactive");
        JsonNode unchanged = JSON.readTree(again.stdout());
        assertThat(ops(unchanged)).as("ops of a preview right after up").containsOnlyKeys("same");
        assertThat(unchanged.path("changeSummary").fieldNames()).toIterable().containsOnly("same");
        report("dev preview after up", again.took().toSeconds() + " s, " + unchanged.path("changeSummary"));

        ObjectNode withThirdSite = (ObjectNode) project.stackFile("dev");
        ArrayNode sites = (ArrayNode) withThirdSite.path("config").path("multisite:topology").path("sites");
        sites.add(thirdSite(sites.get(0)));
        Files.writeString(project.dir.resolve("stacks/Pulumi.dev.yaml"), RealProject.YAML.writeValueAsString(withThirdSite));
        var grown = pulumi.ok(project.dir, LONG, "preview", "--json", "--stack", "dev", "--non-interactive");
        JsonNode growth = JSON.readTree(grown.stdout());
        Map<String, Integer> growthOps = ops(growth);
        report("dev preview with a third site", grown.took().toSeconds() + " s, " + growthOps);
        assertThat(growthOps).as("no replacement when a site is added").doesNotContainKeys("replace", "create-replacement", "delete-replaced");
        assertThat(urnsWith(growth, "create")).as("the new site's resources are created")
                .anyMatch(u -> u.endsWith("::aws-usw2")).anyMatch(u -> u.contains("aws-usw2-"));

        var destroy = pulumi.ok(project.dir, LONG, "destroy", "--yes", "--skip-preview", "--stack", "dev", "--non-interactive");
        report("dev destroy", destroy.took().toSeconds() + " s");
        JsonNode state = JSON.readTree(pulumi.ok(project.dir, Duration.ofSeconds(60), "stack", "export", "--stack", "dev").stdout());
        assertThat(state.path("deployment").path("resources")).as("resources left after destroy").isEmpty();
    }

    @Order(3)
    @Test
    void aMandatoryViolationFailsTheRealPreviewAndCheckAgreesOnItsJson() throws Exception {
        // dev with a peak no site loss can carry: parses (peakDemand is only a positive integer to the
        // parser) but breaks n-plus-one-capacity (total capacity minus the largest site < peakDemand).
        ObjectNode violating = (ObjectNode) RealProject.YAML.readTree(repository.resolve("stacks/Pulumi.dev.yaml").toFile());
        ((ObjectNode) violating.path("config").path("multisite:topology")).put("peakDemand", 1000);
        project.writeStackFile("violating", violating, pulumi);

        var withPack = pulumi.pulumi(project.dir, LONG, "preview", "--policy-pack", "policies", "--stack", "violating", "--non-interactive");
        assertThat(withPack.exit()).as("a mandatory violation fails the preview:\n%s", RealPulumi.tail(withPack.output())).isNotZero();
        TreeSet<String> engineRules = new TreeSet<>();
        Matcher m = ENGINE_VIOLATION.matcher(withPack.output());
        while (m.find()) {
            engineRules.add(m.group(1));
        }
        assertThat(engineRules).as("mandatory rules the engine reports:\n%s", RealPulumi.tail(withPack.output())).contains("n-plus-one-capacity");

        var plain = pulumi.ok(project.dir, LONG, "preview", "--json", "--show-sames", "--stack", "violating", "--non-interactive");
        Path json = scratch.resolve("violating-preview.json");
        Files.writeString(json, plain.stdout());
        StringWriter out = new StringWriter();
        int code = MultisiteCli.run(new String[] {"check", json.toString(), "--format", "json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).as("check exits 1 on a mandatory violation: %s", out).isEqualTo(1);
        TreeSet<String> checkRules = new TreeSet<>();
        JSON.readTree(out.toString()).path("violations").forEach(v -> {
            if (v.path("level").asText().equalsIgnoreCase("mandatory")) {
                checkRules.add(v.path("rule").asText());
            }
        });
        report("violating stack", "engine: " + engineRules + ", check: " + checkRules);
        assertThat(checkRules).isEqualTo(engineRules);
    }

    /** A third site, an AWS one in another region, with ranges, ASN and cluster id no other dev site uses. */
    private static ObjectNode thirdSite(JsonNode awsSite) {
        ObjectNode site = awsSite.deepCopy();
        site.put("name", "aws-usw2");
        site.put("region", "us-west-2");
        ObjectNode network = (ObjectNode) site.path("network");
        network.put("vpcCidr", "10.12.0.0/16");
        network.put("podCidr", "100.82.0.0/16");
        network.put("serviceCidr", "172.20.32.0/20");
        network.put("asn", 64515);
        ((ObjectNode) site.path("mesh")).put("clusterId", 3);
        site.remove("aws");
        return site;
    }

    private static JsonNode offlinePlan(Path stackFile) throws IOException {
        Path out = scratch.resolve(stackFile.getFileName() + ".offline.json");
        StringWriter log = new StringWriter();
        int code = MultisiteCli.run(new String[] {"plan", "--stack-file", stackFile.toString(), "--json", out.toString(), "--no-policy"},
                new PrintWriter(log), new PrintWriter(log));
        assertThat(code).as("./multisite plan: %s", log).isZero();
        return JSON.readTree(out.toFile());
    }

    /**
     * The offline plan's URNs as the engine writes them. The engine leaves the root stack's type out
     * of a URN's type chain (pulumi/pulumi sdk/go/common/resource/urn/urn.go, New: a parent type of
     * {@code pulumi:pulumi:Stack} is dropped); the Java SDK's mock engine, which the offline plan runs
     * on, keeps it ({@code ...::pulumi:pulumi:Stack$multisite:index:Fleet$...}). Listed in
     * policies/README.md.
     */
    private static JsonNode engineUrns(JsonNode offline) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(offline).replace("::" + "pulumi:pulumi:Stack$", "::"));
    }

    private static Map<String, Integer> ops(JsonNode doc) {
        Map<String, Integer> out = new TreeMap<>();
        doc.path("steps").forEach(s -> out.merge(s.path("op").asText(), 1, Integer::sum));
        return out;
    }

    private static List<String> urnsWith(JsonNode doc, String op) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = doc.path("steps").elements(); it.hasNext(); ) {
            JsonNode s = it.next();
            if (s.path("op").asText().equals(op)) {
                out.add(s.path("urn").asText());
            }
        }
        return out;
    }

    /** Printed at once (and kept for the summary at the end): the wall times and counts the issue asks to report. */
    private static void report(String what, String value) {
        System.out.println("real engine: " + what + ": " + value);
        reported.put(what, value);
    }

    private static String seconds(long nanos) {
        return (nanos / 1_000_000_000L) + " s";
    }
}
