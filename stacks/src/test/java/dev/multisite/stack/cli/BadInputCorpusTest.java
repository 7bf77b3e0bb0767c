package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.stack.ExampleStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.multisite.stack.cli.BadInputs.assertOneClearError;
import static dev.multisite.stack.cli.BadInputs.site;
import static dev.multisite.stack.cli.BadInputs.sites;
import static dev.multisite.stack.cli.BadInputs.topology;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "every bad input gets one clear error": a table of malformed inputs to plan, init,
 * runbook, drill and the top-level CLI. Each must exit 2 with one {@code error:} line (plus at most
 * a hint line) that names the field or option and what is allowed, leak nothing Java-shaped, and
 * write nothing. Every case fails before the mock engine runs, so the table stays fast.
 */
class BadInputCorpusTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "a".repeat(300);

    /** One malformed input: the command line (given a scratch directory) and the words its error must contain. */
    record Case(String name, Function<Path, String[]> args, List<String> keywords) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadInputGetsOneClearErrorAndWritesNothing(Case c, @TempDir Path dir) {
        String[] args = c.args().apply(dir);
        List<Path> before = BadInputs.listing(dir);

        PlanCommandTest.Run r = PlanCommandTest.run(args);

        assertOneClearError(r, c.name(), c.keywords());
        assertThat(BadInputs.listing(dir)).as("%s: nothing written", c.name()).isEqualTo(before);
    }

    @Test
    void theCorpusIsLargeAndCoversEveryCommand(@TempDir Path dir) {
        List<Case> cases = corpus().map(a -> (Case) a.get()[0]).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases.stream().map(c -> c.args().apply(dir)[0]).distinct())
                .contains("plan", "init", "runbook", "drill");
        assertThat(cases.stream().map(Case::name).distinct().count()).as("unique names").isEqualTo(cases.size());
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        for (String stack : ExampleStacks.NAMES) {
            stackFileCases(stack, cases);
            yamlCases(stack, cases);
        }
        cloudDnsCases(cases);
        pathCases(cases);
        initCases(cases);
        runbookCases(cases);
        drillCases(cases);
        cliCases(cases);
        return cases.stream().map(Arguments::of);
    }

    /** Plans a mutated copy of an example stack (the mutation must break it at parse time). */
    private static void mutated(List<Case> cases, String stack, String what, Consumer<ObjectNode> mutation, String... keywords) {
        cases.add(new Case(stack + ": " + what, dir -> {
            ObjectNode file = BadInputs.tree(stack);
            mutation.accept(file);
            Path path = BadInputs.write(dir, "Pulumi." + stack + ".yaml", BadInputs.yaml(file));
            return new String[]{"plan", "--stack-file", path.toString(), "--json", dir.resolve("out.json").toString()};
        }, List.of(keywords)));
    }

    /** Plans an example stack whose text was edited (for what a tree cannot express: aliases, encodings, ...). */
    private static void edited(List<Case> cases, String stack, String what, Function<String, byte[]> edit, String... keywords) {
        cases.add(new Case(stack + ": " + what, dir -> {
            Path path = dir.resolve("Pulumi." + stack + ".yaml");
            try {
                Files.write(path, edit.apply(BadInputs.text(stack)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new String[]{"plan", "--stack-file", path.toString(), "--json", dir.resolve("out.json").toString()};
        }, List.of(keywords)));
    }

    private static ObjectNode first(ObjectNode file) {
        return (ObjectNode) sites(file).get(0);
    }

    private static String firstName(String stack) {
        return sites(BadInputs.tree(stack)).get(0).path("name").asText();
    }

    private static ObjectNode pool(ObjectNode file) {
        return (ObjectNode) first(file).path("kubernetes").path("nodePools").get(0);
    }

    private static void stackFileCases(String stack, List<Case> cases) {
        String s = "sites[" + firstName(stack) + "]";
        // Unbounded strings and numbers
        mutated(cases, stack, "1 MB-ish region", f -> first(f).put("region", "us-" + LONG + "-1"), s + ".region", "characters", "at most");
        mutated(cases, stack, "300-character domain", f -> topology(f).put("domain", LONG + ".com"), "domain", "at most 253");
        mutated(cases, stack, "300-character site name", f -> first(f).put("name", LONG), "sites[0].name", "at most 253");
        mutated(cases, stack, "300-character machine type", f -> pool(f).put("machineType", LONG), "machineType", "at most 253");
        mutated(cases, stack, "machine type with spaces", f -> pool(f).put("machineType", "m6i large!"), "machineType", "not a machine type");
        mutated(cases, stack, "33-character region", f -> first(f).put("region", "us-" + "a".repeat(28) + "-1"), s + ".region", "at most 32");
        mutated(cases, stack, "300-character key", f -> topology(f).put(LONG, 1), "key", "at most 253");
        mutated(cases, stack, "capacity above int", f -> first(f).put("capacity", 99_999_999_999L), s + ".capacity", "out of range", "2147483647");
        mutated(cases, stack, "capacity beyond long", f -> first(f).set("capacity", NODES.numberNode(new BigInteger("9".repeat(30)))), s + ".capacity", "too large");
        mutated(cases, stack, "asn beyond long", f -> ((ObjectNode) first(f).path("network")).set("asn", NODES.numberNode(new BigInteger("9".repeat(25)))), s + ".network.asn", "too large");
        mutated(cases, stack, "negative huge cluster id", f -> ((ObjectNode) first(f).path("mesh")).put("clusterId", -99_999_999_999L), s + ".mesh.clusterId", "out of range");
        // Wrong types, said in YAML's words
        mutated(cases, stack, "capacity as text", f -> first(f).put("capacity", "lots"), s + ".capacity", "expected a whole number", "'lots'");
        mutated(cases, stack, "capacity as fraction", f -> first(f).put("capacity", 1.5), s + ".capacity", "expected a whole number");
        mutated(cases, stack, "capacity as boolean", f -> first(f).put("capacity", true), s + ".capacity", "expected a whole number", "boolean");
        mutated(cases, stack, "mesh as boolean", f -> first(f).put("mesh", true), s + ".mesh", "expected a mapping with clusterId", "boolean true");
        mutated(cases, stack, "network as list", f -> first(f).putArray("network"), s + ".network", "expected a mapping with vpcCidr");
        mutated(cases, stack, "kubernetes as number", f -> first(f).put("kubernetes", 3), s + ".kubernetes", "expected a mapping with version");
        mutated(cases, stack, "sites as text", f -> topology(f).put("sites", "all"), "sites", "expected a list");
        mutated(cases, stack, "sites as mapping", f -> topology(f).putObject("sites"), "sites", "expected a list");
        mutated(cases, stack, "peakDemand as boolean", f -> topology(f).put("peakDemand", true), "peakDemand", "expected a whole number");
        mutated(cases, stack, "version as number", f -> ((ObjectNode) first(f).path("kubernetes")).put("version", 1.3), s + ".kubernetes.version", "expected a string");
        mutated(cases, stack, "pool as text", f -> ((com.fasterxml.jackson.databind.node.ArrayNode) first(f).path("kubernetes").path("nodePools")).set(0, NODES.textNode("system")),
                s + ".kubernetes.nodePools[0]", "expected a mapping with name, machineType, min, max");
        mutated(cases, stack, "interconnect enabled as text", f -> topology(f).putObject("network").putObject("interconnect").put("enabled", "yes"),
                "network.interconnect.enabled", "expected a boolean");
        mutated(cases, stack, "asn as text", f -> ((ObjectNode) first(f).path("network")).put("asn", "64512"), s + ".network.asn", "expected a whole number");
        // Values outside what is allowed
        mutated(cases, stack, "unknown provider", f -> first(f).put("provider", "oracle"), s + ".provider", "'oracle'", "aws, gcp, azure, existing");
        mutated(cases, stack, "unknown environment", f -> topology(f).put("environment", "prodution"), "environment", "production, staging, development");
        mutated(cases, stack, "misspelled key", f -> first(f).set("regoin", first(f).remove("region")), s + ".regoin", "unknown key", "did you mean 'region'");
        mutated(cases, stack, "CIDR prefix 33", f -> ((ObjectNode) first(f).path("network")).put("vpcCidr", "10.0.0.0/33"), s + ".network.vpcCidr", "/33");
        mutated(cases, stack, "CIDR as mapping", f -> ((ObjectNode) first(f).path("network")).putObject("vpcCidr").put("network", 1),
                s + ".network.vpcCidr: expected an IPv4 CIDR string such as 10.0.0.0/16, got a mapping");
        mutated(cases, stack, "CIDR as words", f -> ((ObjectNode) first(f).path("network")).put("podCidr", "pods"), s + ".network.podCidr", "not an IPv4 CIDR");
        mutated(cases, stack, "domain too long for derived names", f -> {
            String domain = ("d".repeat(60) + ".").repeat(3) + "e".repeat(58) + ".com";
            topology(f).put("domain", domain);
            if (topology(f).has("traffic")) {
                traffic(f).put("hostname", "app." + domain);
            }
        }, "domain", "too long for the names built from it", ".mesh.<domain>");
        mutated(cases, stack, "domain not a DNS name", f -> topology(f).put("domain", "Not A Domain"), "domain", "not a lowercase DNS domain");
        mutated(cases, stack, "cluster id 0", f -> ((ObjectNode) first(f).path("mesh")).put("clusterId", 0), s + ".mesh.clusterId", "1..255");
        // null inside lists and maps, named at the element
        mutated(cases, stack, "null site", f -> sites(f).addNull(), "sites[" + sites(BadInputs.tree(stack)).size() + "]", "null is not allowed",
                "expected a mapping with name, provider");
        mutated(cases, stack, "null node pool", f -> ((com.fasterxml.jackson.databind.node.ArrayNode) first(f).path("kubernetes").path("nodePools")).addNull(),
                s + ".kubernetes.nodePools[" + first(BadInputs.tree(stack)).path("kubernetes").path("nodePools").size()
                        + "]: null is not allowed; expected a mapping with name, machineType, min, max");
        mutated(cases, stack, "null API CIDR", f -> ((com.fasterxml.jackson.databind.node.ArrayNode) first(f).path("kubernetes").path("apiAccessCidrs")).insertNull(0),
                s + ".kubernetes.apiAccessCidrs[0]: null is not allowed", "IPv4 CIDR");
        mutated(cases, stack, "null hub list", f -> topology(f).putObject("network").putObject("interconnect").putObject("hubs").putNull("aws"),
                "network.interconnect.hubs.aws: null is not allowed", "list");
        mutated(cases, stack, "null hub", f -> topology(f).putObject("network").putObject("interconnect").putObject("hubs").putArray("aws").addNull(),
                "network.interconnect.hubs.aws[0]: null is not allowed", "string");
        mutated(cases, stack, "hub as a plain string", f -> topology(f).putObject("network").putObject("interconnect").putObject("hubs").put("aws", first(f).path("name").asText()),
                "network.interconnect.hubs.aws: expected a list");
        mutated(cases, stack, "waiver without a reason", f -> topology(f).putObject("network").putObject("interconnect").putObject("waivers")
                        .put(first(f).path("name").asText(), ""),
                "network.interconnect.waivers." , "needs a reason");
        mutated(cases, stack, "waiver for no site", f -> topology(f).putObject("network").putObject("interconnect").putObject("waivers").put("nowhere", "x"),
                "network.interconnect.waivers.nowhere: 'nowhere' is not a site");
        mutated(cases, stack, "null same-provider link", f -> topology(f).putObject("network").putObject("interconnect").putObject("sameProviderLinks").putNull("gcp"),
                "sameProviderLinks.gcp: null is not allowed");
        mutated(cases, stack, "null DNS backend", f -> traffic(f).putArray("dns").addNull(), "traffic.dns[0]: null is not allowed", "route53, cloudflare");
        mutated(cases, stack, "null checker region", f -> traffic(f).putObject("healthCheck").putArray("regions").add("us-east-1").addNull(),
                "traffic.healthCheck.regions[1]: null is not allowed");
        mutated(cases, stack, "null geo entry", f -> traffic(f).putObject("geo").putNull(firstName(stack)), "traffic.geo." + firstName(stack) + ": null is not allowed");
        mutated(cases, stack, "null app", f -> gitops(f).putArray("apps").addNull(), "gitops.apps[0]: null is not allowed", "expected a mapping with name, path");
        mutated(cases, stack, "null selector value", f -> gitops(f).putArray("apps").addObject().put("name", "x").putObject("selector").putNull("multisite/provider"),
                "gitops.apps[x].selector.multisite/provider: null is not allowed");
        mutated(cases, stack, "null exported service", f -> gitops(f).putArray("apps").addObject().put("name", "x").putArray("globalServices").addNull(),
                "gitops.apps[x].globalServices[0]: null is not allowed");
        if (stack.equals("prod")) {
            mutated(cases, stack, "exported service name not a label", f -> ((ObjectNode) gitops(f).path("apps").get(0).path("globalServices").get(0))
                    .put("name", "Hello_World"), "gitops.apps[hello].globalServices[0].name: 'Hello_World' is not a Service name", "RFC 1035");
        }
        mutated(cases, stack, "null rollout group", f -> gitops(f).putObject("rollout").putArray("order").addNull(), "gitops.rollout.order[0]: null is not allowed");
        mutated(cases, stack, "null in rollout group", f -> gitops(f).putObject("rollout").putArray("order").addArray().add(firstName(stack)).addNull(),
                "gitops.rollout.order[0][1]: null is not allowed");
        mutated(cases, stack, "null partition", f -> data(f).putArray("partitions").addNull(), "data.partitions[0]: null is not allowed");
        mutated(cases, stack, "null instance class", f -> data(f).putObject("instanceClass").putNull("aws"), "data.instanceClass.aws: null is not allowed");
        mutated(cases, stack, "null global service", f -> topology(f).putObject("mesh").putArray("globalServices").addNull(), "mesh.globalServices[0]: null is not allowed");
        mutated(cases, stack, "null latency region", f -> traffic(f).putObject("latencyRegions").putNull(firstName(stack)), "traffic.latencyRegions." + firstName(stack) + ": null");
        mutated(cases, stack, "null availability zone", f -> {
            ObjectNode aws = site(f, "aws");
            aws.putObject("aws").putArray("availabilityZones").add(aws.path("region").asText() + "a").addNull();
        }, "aws.availabilityZones[1]: null is not allowed");
    }

    private static ObjectNode cloudDns(ObjectNode file) {
        return (ObjectNode) traffic(file).path("dns").get(0).path("clouddns");
    }

    /** Bad Cloud DNS settings of gcpdns: each one line, naming the field, the value and what is allowed. */
    private static void cloudDnsCases(List<Case> cases) {
        String d = "traffic.dns[0].clouddns";
        mutated(cases, "gcpdns", "latency routing on Cloud DNS", f -> traffic(f).put("routing", "latency"), "traffic.routing", "no Cloud DNS", "geo");
        mutated(cases, "gcpdns", "managed zone with a dot", f -> cloudDns(f).put("managedZone", "gcp.example.com"), d + ".managedZone", "'gcp.example.com'", "lowercase");
        mutated(cases, "gcpdns", "project too short", f -> cloudDns(f).put("project", "abc"), d + ".project", "'abc'", "6-30");
        mutated(cases, "gcpdns", "private endpoint", f -> ((ObjectNode) cloudDns(f).path("endpoints")).put("gcp-euw4", "10.0.0.1"), d + ".endpoints.gcp-euw4", "not a public address");
        mutated(cases, "gcpdns", "endpoint not an address", f -> ((ObjectNode) cloudDns(f).path("endpoints")).put("gcp-euw4", "ingress.example.com"), d + ".endpoints.gcp-euw4", "not an IPv4 address");
        mutated(cases, "gcpdns", "missing endpoint", f -> ((ObjectNode) cloudDns(f).path("endpoints")).remove("aws-use1"), d + ".endpoints.aws-use1", "required");
        mutated(cases, "gcpdns", "10 s checks on Cloud DNS", f -> ((ObjectNode) traffic(f).path("healthCheck")).put("intervalSeconds", 10), "traffic.healthCheck.intervalSeconds", "minimum of 30");
        mutated(cases, "gcpdns", "two source regions", f -> cloudDns(f).putArray("sourceRegions").add("us-east4").add("europe-west1"), d + ".sourceRegions", "exactly 3");
        mutated(cases, "gcpdns", "AWS region as location", f -> ((ObjectNode) cloudDns(f).path("locations")).put("aws-use1", "us-east-1"), d + ".locations.aws-use1", "not a Google Cloud region");
        mutated(cases, "gcpdns", "budget over the RTO", f -> traffic(f).put("rtoSeconds", 60), "traffic.rtoSeconds", "clouddns: 30 s interval x 2 failures", "105 s");
        mutated(cases, "gcpdns", "misspelt clouddns key", f -> cloudDns(f).put("managedzone", "x"), d + ".managedzone", "unknown key", "managedZone");
        mutated(cases, "gcpdns", "unknown backend", f -> ((ObjectNode) traffic(f).path("dns").get(0)).putObject("googledns"), "traffic.dns[0]", "exactly one of route53, cloudflare, clouddns");
    }

    private static ObjectNode traffic(ObjectNode file) {
        return topology(file).has("traffic") ? (ObjectNode) topology(file).get("traffic") : topology(file).putObject("traffic");
    }

    private static ObjectNode gitops(ObjectNode file) {
        return topology(file).has("gitops") ? (ObjectNode) topology(file).get("gitops") : topology(file).putObject("gitops");
    }

    private static ObjectNode data(ObjectNode file) {
        return topology(file).has("data") ? (ObjectNode) topology(file).get("data") : topology(file).putObject("data");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces the first "capacity: <n>" line's value. */
    private static String capacity(String text, String value) {
        return text.replaceFirst("capacity: \\d+", "capacity: " + java.util.regex.Matcher.quoteReplacement(value));
    }

    private static void yamlCases(String stack, List<Case> cases) {
        edited(cases, stack, "alias", t -> utf8(capacity(t, "*big")), "line ", "column ", "alias '*big' is not supported");
        edited(cases, stack, "anchor", t -> utf8(capacity(t, "&big 100")), "line ", "anchor '&big' is not supported");
        edited(cases, stack, "anchor and alias", t -> utf8(capacity(t, "&big 100").replaceFirst("(capacity: )\\d+", "$1*big")), "anchor '&big'");
        edited(cases, stack, "merge key", t -> utf8(t.replaceFirst("(\\n\\s+)(capacity: \\d+)", "$1$2$1<<: *base")), "alias '*base'");
        edited(cases, stack, "tag", t -> utf8(capacity(t, "!!int 100")), "tag '!!int' is not supported");
        edited(cases, stack, "duplicate key", t -> utf8(t.replaceFirst("(\\n(\\s+)domain: [^\\n]+)", "$1\n$2domain: other.example.com")),
                "duplicate key 'domain'", "line ");
        edited(cases, stack, "duplicate config key", t -> utf8(t.replaceFirst("config:\\n", "config:\n  multisite:x: 1\n  multisite:x: 2\n")), "duplicate key 'multisite:x'");
        edited(cases, stack, "second document", t -> utf8(t + "\n---\nconfig: {}\n"), "second YAML document", "line ");
        edited(cases, stack, "empty second document", t -> utf8(t + "\n---\n"), "second YAML document");
        edited(cases, stack, "Latin-1 file", t -> (t.replaceFirst("\\n", " caf\u00e9\n")).getBytes(StandardCharsets.ISO_8859_1), "not valid UTF-8");
        edited(cases, stack, "tab indentation", t -> utf8(t.replaceFirst("\\n(\\s+)domain:", "\n\tdomain:")), "not valid YAML", "line ");
        edited(cases, stack, "unclosed flow sequence", t -> utf8(t.replaceFirst("sites:", "sites: [")), "not valid YAML");
        edited(cases, stack, "NUL byte", t -> utf8(t.replaceFirst("domain: ", "domain: \u0000")), "not valid YAML");
        edited(cases, stack, "topology as text", t -> utf8(t.replaceFirst("multisite:topology:", "multisite:topology: text\n  ignored:")), "multisite:topology");
        edited(cases, stack, "complex key", t -> utf8(t.replaceFirst("config:\n", "config:\n  ? [a, b]\n  : 1\n")), "mapping key must be a plain string");
        edited(cases, stack, "anchored mapping", t -> utf8(t.replaceFirst("config:", "config: &all")), "anchor '&all'");
        edited(cases, stack, "flow mapping never closed", t -> utf8(t.replaceFirst("config:", "config: {")), "not valid YAML");
        edited(cases, stack, "3000-digit number", t -> utf8(capacity(t, "9".repeat(3000))), "capacity", "at most 253");
        edited(cases, stack, "document is a list", t -> utf8("- " + t.replace("\n", "\n  ")), "no 'config:' mapping");
        edited(cases, stack, "nesting 40 deep", t -> utf8(t.replaceFirst("config:", "deep: " + "[".repeat(40) + "]".repeat(40) + "\nconfig:")), "nested too deeply");
    }

    private static void pathCases(List<Case> cases) {
        cases.add(new Case("plan: 256 sites", dir -> {
            ObjectNode f = BadInputs.tree("dev");
            var template = sites(f).get(0);
            for (int i = 0; i < 256; i++) {
                sites(f).add(template.deepCopy());
            }
            return new String[]{"plan", "--stack-file", BadInputs.write(dir, "Pulumi.many.yaml", BadInputs.yaml(f)).toString()};
        }, List.of("sites: 258 sites declared; at most 255")));
        String prod = ExampleStacks.file("prod").toString();
        cases.add(new Case("plan: stack file is a directory", dir -> new String[]{"plan", "--stack-file", dir.toString()}, List.of("is a directory", "stack file")));
        cases.add(new Case("plan: stack file missing", dir -> new String[]{"plan", "--stack-file", dir.resolve("nope.yaml").toString()}, List.of("no such stack file")));
        cases.add(new Case("plan: stack file is /dev/zero", dir -> new String[]{"plan", "--stack-file", "/dev/zero"}, List.of("/dev/zero", "not a regular file")));
        cases.add(new Case("plan: stack file over 1 MiB", dir -> new String[]{"plan", "--stack-file",
                BadInputs.write(dir, "Pulumi.big.yaml", BadInputs.text("dev") + ("#" + "x".repeat(1023) + "\n").repeat(1100)).toString()}, List.of("bytes", "at most 1048576")));
        cases.add(new Case("plan: empty stack file", dir -> new String[]{"plan", "--stack-file", BadInputs.write(dir, "Pulumi.e.yaml", "").toString()}, List.of("no 'config:' mapping")));
        cases.add(new Case("plan: config is a list", dir -> new String[]{"plan", "--stack-file", BadInputs.write(dir, "Pulumi.l.yaml", "config: [1]\n").toString()}, List.of("no 'config:' mapping")));
        cases.add(new Case("plan: no topology", dir -> new String[]{"plan", "--stack-file", BadInputs.write(dir, "Pulumi.n.yaml", "config: {a: 1}\n").toString()}, List.of("multisite:topology: required")));
        cases.add(new Case("plan: --json is a directory", dir -> new String[]{"plan", "--stack-file", prod, "--json", dir.toString()}, List.of("--json", "is a directory")));
        cases.add(new Case("plan: --json parent missing", dir -> new String[]{"plan", "--stack-file", prod, "--json", dir.resolve("no/out.json").toString()}, List.of("--json", "does not exist")));
        cases.add(new Case("plan: --json under a file", dir -> new String[]{"plan", "--stack-file", prod, "--json",
                BadInputs.write(dir, "f", "x").resolve("out.json").toString()}, List.of("--json", "is not a directory")));
        cases.add(new Case("plan: --json in an unwritable place", dir -> new String[]{"plan", "--stack-file", prod, "--json", "/proc/out.json"}, List.of("--json", "cannot create files in /proc")));
        cases.add(new Case("plan: --json is the stack file", dir -> {
            Path file = BadInputs.write(dir, "Pulumi.dev.yaml", BadInputs.text("dev"));
            return new String[]{"plan", "--stack-file", file.toString(), "--json", file.toString()};
        }, List.of("--json", "is the stack file itself")));
        cases.add(new Case("plan: --stack-file with a NUL", dir -> new String[]{"plan", "--stack-file", "a\u0000b"}, List.of("--stack-file", "is not a valid path")));
        cases.add(new Case("plan: --stack-file empty", dir -> new String[]{"plan", "--stack-file", ""}, List.of("empty path; name a stack file")));
        cases.add(new Case("plan: --json empty", dir -> new String[]{"plan", "--stack-file", prod, "--json", ""}, List.of("--json: empty path")));
        cases.add(new Case("plan: --stack empty", dir -> new String[]{"plan", "--stack", ""}, List.of("--stack: '' is not a stack name")));
        cases.add(new Case("plan: --json with a NUL", dir -> new String[]{"plan", "--json", "o\u0000.json"}, List.of("--json", "is not a valid path")));
        cases.add(new Case("plan: --stack is a path", dir -> new String[]{"plan", "--stack", "../../etc/passwd"}, List.of("--stack", "not a stack name")));
        cases.add(new Case("plan: --stack unknown", dir -> new String[]{"plan", "--stack", "nosuchstack"}, List.of("Pulumi.nosuchstack.yaml", "no such stack file")));
        cases.add(new Case("plan: --stack too long", dir -> new String[]{"plan", "--stack", LONG}, List.of("--stack", "at most 100")));
        cases.add(new Case("plan: --stack and --stack-file", dir -> new String[]{"plan", "--stack", "prod", "--stack-file", prod}, List.of("mutually exclusive")));
        cases.add(new Case("plan: unknown option", dir -> new String[]{"plan", "--jsn", "x.json"}, List.of("unknown option '--jsn'")));
        cases.add(new Case("plan: --json without value", dir -> new String[]{"plan", "--json"}, List.of("--json")));
        cases.add(new Case("plan: --stack-file without value", dir -> new String[]{"plan", "--stack-file"}, List.of("--stack-file")));
        cases.add(new Case("plan: stray argument", dir -> new String[]{"plan", "prod"}, List.of("unexpected argument 'prod'")));
    }

    private static void initCases(List<Case> cases) {
        String[][] table = {
                {"--sites", "0", "--sites 0 is outside 2..63"}, {"--sites", "1", "--sites 1 is outside 2..63"}, {"--sites", "64", "--sites 64 is outside 2..63"},
                {"--sites", "-1", "--sites -1 is outside"}, {"--sites", "abc", "'abc' is not a whole number"}, {"--sites", "99999999999", "is not a whole number up to"},
                {"--sites", "2.5", "'2.5' is not a whole number"}, {"--sites", "", "'' is not a whole number"},
                {"--providers", "oracle", "--providers: 'oracle' is not a provider"}, {"--providers", "", "--providers: "},
                {"--providers", "aws,,gcp", "--providers: '' is not a provider"}, {"--providers", "existing", "'existing' alone leaves every site isolated"},
                {"--providers", "existing,existing", "isolated"}, {"--providers", "AWS;GCP", "'AWS;GCP' is not a provider"}, {"--providers", LONG, "is not a provider"},
                {"--domain", "", "--domain: '' is not a lowercase DNS name"}, {"--domain", "Example.COM", "--domain: 'Example.COM'"},
                {"--domain", "-bad.com", "'-bad.com'"}, {"--domain", "a..b.com", "'a..b.com'"}, {"--domain", "example", "'example'"},
                {"--domain", "exa mple.com", "'exa mple.com'"}, {"--domain", LONG + ".com", "at most 200"}, {"--domain", "example.com.", "'example.com.'"},
                {"--domain", "xn--.com", "'xn--.com'"}, {"--sitez", "3", "unknown option '--sitez'"}};
        for (String[] row : table) {
            cases.add(new Case("init " + row[0] + " '" + (row[1].length() > 20 ? row[1].substring(0, 20) + "..." : row[1]) + "'",
                    dir -> new String[]{"init", row[0], row[1], "--out", dir.resolve("Pulumi.gen.yaml").toString()}, List.of(row[2])));
        }
        cases.add(new Case("init: --out is a directory", dir -> new String[]{"init", "--out", dir.toString()}, List.of("--out", "is a directory")));
        cases.add(new Case("init: --out parent missing", dir -> new String[]{"init", "--out", dir.resolve("a/b.yaml").toString()}, List.of("--out", "does not exist")));
        cases.add(new Case("init: --out under a file", dir -> new String[]{"init", "--out", BadInputs.write(dir, "f", "x").resolve("b.yaml").toString()}, List.of("--out", "not a directory")));
        cases.add(new Case("init: --out unwritable", dir -> new String[]{"init", "--out", "/proc/Pulumi.x.yaml"}, List.of("--out", "cannot create files in /proc")));
        cases.add(new Case("init: --sites without value", dir -> new String[]{"init", "--sites"}, List.of("--sites")));
    }

    private static void runbookCases(List<Case> cases) {
        String prod = ExampleStacks.file("prod").toString();
        cases.add(new Case("runbook: no --out", dir -> new String[]{"runbook", "--stack-file", prod}, List.of("--out")));
        cases.add(new Case("runbook: no stack", dir -> new String[]{"runbook", "--out", dir.resolve("rb").toString()}, List.of("--stack")));
        cases.add(new Case("runbook: --out is a file", dir -> new String[]{"runbook", "--stack-file", prod, "--out", BadInputs.write(dir, "f", "x").toString()},
                List.of("--out", "is a file, not a directory")));
        cases.add(new Case("runbook: --out parent missing", dir -> new String[]{"runbook", "--stack-file", prod, "--out", dir.resolve("a/b").toString()}, List.of("--out", "does not exist")));
        cases.add(new Case("runbook: --out unwritable", dir -> new String[]{"runbook", "--stack-file", prod, "--out", "/proc/runbooks"}, List.of("--out", "cannot create files")));
        cases.add(new Case("runbook: stack file with an alias", dir -> new String[]{"runbook", "--stack-file",
                BadInputs.write(dir, "Pulumi.a.yaml", capacity(BadInputs.text("prod"), "*c")).toString(), "--out", dir.resolve("rb").toString()}, List.of("alias '*c'")));
        cases.add(new Case("runbook: stack file is a directory", dir -> new String[]{"runbook", "--stack-file", dir.toString(), "--out", dir.resolve("rb").toString()},
                List.of("is a directory")));
        cases.add(new Case("runbook: null site", dir -> {
            ObjectNode f = BadInputs.tree("dev");
            sites(f).insertNull(0);
            return new String[]{"runbook", "--stack-file", BadInputs.write(dir, "Pulumi.n.yaml", BadInputs.yaml(f)).toString(), "--out", dir.resolve("rb").toString()};
        }, List.of("sites[0]: null is not allowed")));
        cases.add(new Case("runbook: --stack is a path", dir -> new String[]{"runbook", "--stack", "a/../../b", "--out", dir.resolve("rb").toString()}, List.of("not a stack name")));
    }

    private static void drillCases(List<Case> cases) {
        String[][] lab = {
                {"--interval-ms", "-5", "--interval-ms: -5 is outside 100..3600000"}, {"--interval-ms", "99", "--interval-ms: 99 is outside"}, {"--interval-ms", "0", "--interval-ms: 0 is outside"},
                {"--interval-ms", "5", "--interval-ms: 5 is outside"}, {"--interval-ms", "99999999999", "--interval-ms: 99999999999 is outside"},
                {"--interval-ms", "abc", "'abc' is not a whole number"}, {"--interval-ms", "1e3", "'1e3' is not a whole number"},
                {"--threshold", "0", "--threshold: 0 is outside 1..10"}, {"--threshold", "-1", "--threshold: -1"}, {"--threshold", "11", "--threshold: 11"},
                {"--ttl-seconds", "-1", "--ttl-seconds: -1 is outside 1..3600"}, {"--ttl-seconds", "0", "--ttl-seconds: 0"}, {"--ttl-seconds", "3601", "--ttl-seconds: 3601"},
                {"--budget-ms", "-3", "--budget-ms: -3 is outside 1..3600000"}, {"--budget-ms", "0", "--budget-ms: 0"},
                {"--lab-sites", "1", "--lab-sites: 1 is outside 2..20"}, {"--lab-sites", "21", "--lab-sites: 21"}, {"--lab-sites", "-1", "--lab-sites: -1"},
                {"--checkers", "0", "--checkers: 0 is outside 1..10"}, {"--checkers", "11", "--checkers: 11"}, {"--ttl-ms", "500", "unknown option '--ttl-ms'; did you mean --ttl-seconds?"},
                {"--site", "lab-9", "no lab site 'lab-9'; the lab has lab-1..lab-3"}, {"--site", "lab-0", "no lab site 'lab-0'"}, {"--site", "x", "no lab site 'x'"},
                {"--site", LONG, "no lab site"}, {"--injector", "dns", "--injector", "route53, cloudflare, ingress"}, {"--resolver", "a b", "--resolver: 'a b'"},
                {"--ingress", "no-slash", "--ingress: 'no-slash' is not namespace/deployment"}, {"--ingress", "A/B", "--ingress: 'A/B'"}};
        for (String[] row : lab) {
            cases.add(new Case("drill --lab " + row[0] + " '" + (row[1].length() > 20 ? row[1].substring(0, 20) + "..." : row[1]) + "'",
                    dir -> new String[]{"drill", "--lab", row[0], row[1], "--out", dir.resolve("drills").toString()}, List.of(row[2])));
        }
        cases.add(new Case("drill: --out is a file", dir -> new String[]{"drill", "--lab", "--out", BadInputs.write(dir, "f", "x").toString()}, List.of("--out", "is a file")));
        cases.add(new Case("drill: --out empty", dir -> new String[]{"drill", "--lab", "--out", ""}, List.of("--out: empty path")));
        cases.add(new Case("init: --out empty", dir -> new String[]{"init", "--out", ""}, List.of("--out: empty path")));
        cases.add(new Case("runbook: --out empty", dir -> new String[]{"runbook", "--stack-file", ExampleStacks.file("dev").toString(), "--out", ""},
                List.of("--out: empty path")));
        cases.add(new Case("drill: --out parent missing", dir -> new String[]{"drill", "--lab", "--out", dir.resolve("a/b").toString()}, List.of("--out", "does not exist")));
        cases.add(new Case("drill: --out unwritable", dir -> new String[]{"drill", "--lab", "--out", "/proc/drills"}, List.of("--out", "cannot create files")));
        cases.add(new Case("drill: neither --lab nor --stack", dir -> new String[]{"drill", "--out", dir.resolve("d").toString()}, List.of("choose one: --lab, or --stack")));
        cases.add(new Case("drill: --lab and --stack", dir -> new String[]{"drill", "--lab", "--stack", "prod"}, List.of("choose one")));
        cases.add(new Case("drill: cloud without --outputs", dir -> new String[]{"drill", "--stack", "prod", "--site", "aws-use1", "--out", dir.resolve("d").toString()},
                List.of("--outputs FILE and --site NAME")));
        cases.add(new Case("drill: --outputs missing", dir -> cloud(dir, dir.resolve("nope.json").toString()), List.of("no such stack outputs file")));
        cases.add(new Case("drill: --outputs /dev/zero", dir -> cloud(dir, "/dev/zero"), List.of("not a regular file")));
        cases.add(new Case("drill: --outputs a directory", dir -> cloud(dir, dir.toString()), List.of("is a directory")));
        cases.add(new Case("drill: --outputs not JSON", dir -> cloud(dir, BadInputs.write(dir, "o.json", "{not json").toString()), List.of("not valid JSON", "line 1")));
        cases.add(new Case("drill: --outputs a list", dir -> cloud(dir, BadInputs.write(dir, "o.json", "[1, 2]").toString()), List.of("expected a JSON object")));
        cases.add(new Case("drill: --outputs duplicate key", dir -> cloud(dir, BadInputs.write(dir, "o.json", "{\"a\": 1, \"a\": 2}").toString()), List.of("not valid JSON")));
        cases.add(new Case("drill: --outputs trailing data", dir -> cloud(dir, BadInputs.write(dir, "o.json", "{} {}").toString()), List.of("not valid JSON")));
        cases.add(new Case("drill: --outputs Latin-1", dir -> {
            Path file = dir.resolve("o.json");
            try {
                Files.write(file, "{\"globalHostname\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return cloud(dir, file.toString());
        }, List.of("not valid UTF-8")));
        cases.add(new Case("drill: cloud --site unknown and long", dir -> new String[]{"drill", "--stack", "prod", "--outputs", "o.json", "--site", LONG,
                "--out", dir.resolve("d").toString()}, List.of("--site: 'aaaa", "is not a site of stack prod")));
        cases.add(new Case("drill: cloud --stack is a path", dir -> new String[]{"drill", "--stack", "../x", "--outputs", "o.json", "--site", "a", "--out", dir.resolve("d").toString()},
                List.of("not a stack name")));
    }

    private static String[] cloud(Path dir, String outputs) {
        return new String[]{"drill", "--stack", "prod", "--outputs", outputs, "--site", "aws-use1", "--out", dir.resolve("drills").toString()};
    }

    private static void cliCases(List<Case> cases) {
        cases.add(new Case("cli: unknown command", dir -> new String[]{"deploy"}, List.of("unexpected argument 'deploy'")));
        cases.add(new Case("cli: unknown option", dir -> new String[]{"--verbose"}, List.of("unknown option '--verbose'")));
        cases.add(new Case("cli: misspelled command", dir -> new String[]{"plna"}, List.of("unexpected argument 'plna'")));
        cases.add(new Case("cli: check-like typo for runbook", dir -> new String[]{"runbok"}, List.of("'runbok'")));
    }
}
