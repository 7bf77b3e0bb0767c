package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.stack.ExampleStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.multisite.stack.cli.BadInputs.assertOneClearError;
import static dev.multisite.stack.cli.BadInputs.sites;
import static dev.multisite.stack.cli.BadInputs.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 29, "bad input on the new surfaces": a table of malformed, hostile or unlucky inputs to
 * {@code parts}, {@code plan --part}, {@code fleet preview|up|destroy}, {@code fleet export},
 * {@code schema} and {@code check}, and to the part keys of stack files. Every case is held to the
 * same criteria: exit 2, one {@code error:} line on stderr (plus at most a hint line) naming the
 * field or option and the value, nothing Java-shaped, nothing written into its directory, within
 * {@link #TIME} and allocating at most {@link #ALLOCATED_BYTES} on the thread that runs it.
 *
 * <p>All cases run in this JVM; the fleet commands are pointed at a pulumi that does not exist
 * ({@code multisite.pulumi}), so a case that got as far as running pulumi would exit 1, not 2.
 */
class NewSurfacesCorpusTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "a".repeat(300);
    private static final Duration TIME = Duration.ofSeconds(30);
    /** Allocation bound per case: far above a stack file's parse, far below a JVM's worth of work. */
    private static final long ALLOCATED_BYTES = 300L * 1024 * 1024;
    private static final String RLO = "\u202e";

    /** One malformed input: the command line (given a scratch directory) and the words its error line must contain. */
    record Case(String name, Function<Path, String[]> args, List<String> keywords) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void noPulumi() {
        System.setProperty("multisite.pulumi", "/nonexistent/pulumi-for-the-corpus");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("multisite.pulumi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadInputGetsOneClearErrorAndWritesNothing(Case c, @TempDir Path dir) {
        String[] args = c.args().apply(dir);
        List<Path> before = BadInputs.listing(dir);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        PlanCommandTest.Run r = assertTimeoutPreemptively(TIME, () -> {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            PlanCommandTest.Run run = PlanCommandTest.run(args);
            assertThat(threads.getCurrentThreadAllocatedBytes() - allocated).as("%s: bytes allocated", c.name()).isLessThan(ALLOCATED_BYTES);
            return run;
        }, c.name() + ": ended in time");

        assertOneClearError(r, c.name(), c.keywords());
        assertThat(r.err()).as("%s: no doubled prefix, no raw format characters", c.name()).doesNotContain("Error: ").doesNotContain(RLO, "\u200b", "\ufeff");
        assertThat(BadInputs.listing(dir)).as("%s: nothing written", c.name()).isEqualTo(before);
    }

    @Test
    void theCorpusIsLargeAndCoversEveryNewSurface(@TempDir Path dir) {
        List<Case> cases = corpus().map(a -> (Case) a.get()[0]).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(250);
        List<String> commands = cases.stream().map(c -> {
            String[] args = c.args().apply(dir);
            return args[0].equals("fleet") && args.length > 1 ? "fleet " + args[1] : args[0];
        }).distinct().toList();
        assertThat(commands).contains("parts", "plan", "fleet preview", "fleet up", "fleet destroy", "fleet export", "schema", "check");
        assertThat(cases.stream().map(Case::name).distinct().count()).as("unique names").isEqualTo(cases.size());
    }

    /** One cause, one line: a wrong region used to bring one more problem per availability zone ("and 3 more problem(s)"). */
    @Test
    void aBadRegionIsOneLineWithoutItsZones(@TempDir Path dir) {
        String text = BadInputs.text("prod").replaceFirst("region: us-east-1\n", "region: mars-north-1\n");
        assertThat(text).contains("mars-north-1").contains("availabilityZones: [us-east-1a");
        var r = PlanCommandTest.run(new String[]{"plan", "--no-policy", "--stack-file", BadInputs.write(dir, "Pulumi.prod.yaml", text).toString()});

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString().contains(".region: 'mars-north-1' is not a", "region");
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        partKeyCases(cases);
        fleetOptionCases(cases);
        exportCases(cases);
        schemaAndPartsCases(cases);
        checkCases(cases);
        messageCases(cases);
        return cases.stream().map(Arguments::of);
    }

    // ---- part keys in stack files -------------------------------------------------------------

    /** Values of multisite:part that are not a part of the dev fleet, and the words their refusal names. */
    private static final Object[][] BAD_PARTS = {
            {"number", NODES.numberNode(5), "a number 5"}, {"list", NODES.arrayNode().add("shared"), "a list"},
            {"mapping", NODES.objectNode().put("name", "shared"), "a mapping"}, {"boolean", NODES.booleanNode(true), "a boolean true"},
            {"null", NODES.nullNode(), "null"}, {"empty", NODES.textNode(""), "'' is not a part"},
            {"unknown", NODES.textNode("nosuchpart"), "'nosuchpart' is not a part"}, {"path", NODES.textNode("../shared"), "'../shared' is not a part"},
            {"RLO", NODES.textNode("shared" + RLO), "\\u202e"}, {"long", NODES.textNode(LONG), "is not a part"}};

    /** Values of multisite:fleetStack that are no stack name. */
    private static final Object[][] BAD_FLEET_STACKS = {
            {"parent path", "../../other/dev", "'../../other/dev' is not a stack name"}, {"slash", "org/dev", "'org/dev' is not a stack name"},
            {"empty", "", "must be too"}, {"space", "my dev", "'my dev' is not a stack name"}, {"long", LONG, "is not a stack name"},
            {"RLO", "dev" + RLO, "\\u202e"}, {"newline", "dev\nprod", "is not a stack name"}, {"qualified", "acme/multisite/dev", "is not a stack name"},
            {"URL", "https://evil.example/dev", "is not a stack name"}, {"colon", "dev:x", "'dev:x' is not a stack name"}};

    private static Path devWith(Path dir, String file, Consumer<ObjectNode> config) {
        ObjectNode tree = BadInputs.tree("dev");
        config.accept((ObjectNode) tree.path("config"));
        return BadInputs.write(dir, file, BadInputs.yaml(tree));
    }

    private static void partKeyCases(List<Case> cases) {
        for (Object[] bad : BAD_PARTS) {
            JsonNode value = (JsonNode) bad[1];
            Consumer<ObjectNode> set = c -> c.set("multisite:part", value.deepCopy());
            Consumer<ObjectNode> withFleet = c -> {
                c.set("multisite:part", value.deepCopy());
                c.put("multisite:fleetStack", "dev");
            };
            cases.add(new Case("plan: multisite:part " + bad[0], dir -> new String[]{"plan", "--no-policy", "--stack-file",
                    devWith(dir, "Pulumi.dev-x.yaml", withFleet).toString()}, List.of("multisite:part", (String) bad[2])));
            for (String command : List.of("preview", "up", "destroy")) {
                cases.add(new Case("fleet " + command + ": a part's stack file, multisite:part " + bad[0], dir -> new String[]{"fleet", command,
                        "--stack-file", devWith(dir, "Pulumi.dev-x.yaml", set).toString(), "--work-dir", dir.resolve("work").toString()},
                        List.of("Pulumi.dev-x.yaml", "sets multisite:part", "not a fleet stack")));
            }
            for (String engine : List.of("operator", "github")) {
                cases.add(new Case("fleet export " + engine + ": a part's stack file, multisite:part " + bad[0], dir -> {
                    List<String> args = new ArrayList<>(List.of("fleet", "export", "--engine", engine, "--stack-file",
                            devWith(dir, "Pulumi.dev-x.yaml", set).toString(), "--out", dir.resolve("out").toString()));
                    if (engine.equals("operator")) {
                        args.add("--repo=https://github.com/acme/infra.git");
                    }
                    return args.toArray(String[]::new);
                }, List.of("Pulumi.dev-x.yaml", "sets multisite:part", "not a fleet stack")));
            }
        }
        for (Object[] bad : BAD_FLEET_STACKS) {
            Consumer<ObjectNode> set = c -> {
                c.put("multisite:part", "shared");
                c.put("multisite:fleetStack", (String) bad[1]);
            };
            cases.add(new Case("plan: multisite:fleetStack " + bad[0], dir -> new String[]{"plan", "--no-policy", "--stack-file",
                    devWith(dir, "Pulumi.dev-shared.yaml", set).toString()}, List.of("multisite:fleetStack", (String) bad[2])));
            cases.add(new Case("plan --part shared: multisite:fleetStack " + bad[0], dir -> new String[]{"plan", "--no-policy", "--part", "shared",
                    "--stack-file", devWith(dir, "Pulumi.dev-shared.yaml", set).toString()}, List.of("multisite:fleetStack", (String) bad[2])));
            for (String command : List.of("preview", "up", "destroy")) {
                cases.add(new Case("fleet " + command + ": part stack with multisite:fleetStack " + bad[0], dir -> new String[]{"fleet", command,
                        "--stack-file", devWith(dir, "Pulumi.dev-shared.yaml", set).toString()},
                        List.of("Pulumi.dev-shared.yaml", "sets multisite:part 'shared'", "not a fleet stack")));
            }
            cases.add(new Case("fleet export github: part stack with multisite:fleetStack " + bad[0], dir -> new String[]{"fleet", "export", "--engine",
                    "github", "--stack-file", devWith(dir, "Pulumi.dev-shared.yaml", set).toString(), "--out", dir.resolve("out").toString()},
                    List.of("Pulumi.dev-shared.yaml", "sets multisite:part 'shared'")));
        }
        cases.add(new Case("fleet up: only multisite:fleetStack set", dir -> new String[]{"fleet", "up", "--stack-file",
                devWith(dir, "Pulumi.dev.yaml", c -> c.put("multisite:fleetStack", "dev")).toString()}, List.of("sets multisite:fleetStack", "not a fleet stack")));
        cases.add(new Case("plan: multisite:part without multisite:fleetStack", dir -> new String[]{"plan", "--no-policy", "--stack-file",
                devWith(dir, "Pulumi.dev-shared.yaml", c -> c.put("multisite:part", "shared")).toString()}, List.of("multisite:fleetStack must be too")));
        cases.add(new Case("plan: multisite:fleetStack as a number", dir -> new String[]{"plan", "--no-policy", "--stack-file",
                devWith(dir, "Pulumi.dev-shared.yaml", c -> c.put("multisite:part", "shared").put("multisite:fleetStack", 7)).toString()},
                List.of("multisite:fleetStack: expected a string", "a number 7")));
        cases.add(new Case("plan: multisite:part as a secret", dir -> new String[]{"plan", "--no-policy", "--stack-file",
                devWith(dir, "Pulumi.dev-shared.yaml", c -> c.put("multisite:fleetStack", "dev").putObject("multisite:part").put("secure", "AAAA")).toString()},
                List.of("multisite:part", "'[secret]' is not a part")));
        cases.add(new Case("plan --part: another part than the file's", dir -> new String[]{"plan", "--no-policy", "--part", "links", "--stack-file",
                devWith(dir, "Pulumi.dev-shared.yaml", c -> c.put("multisite:part", "shared").put("multisite:fleetStack", "dev")).toString()},
                List.of("--part: 'links'", "is the stack of part 'shared'")));
        cases.add(new Case("plan --part: fleet file name too long for part stacks", dir -> new String[]{"plan", "--no-policy", "--part", "site-aws-use1",
                "--stack-file", devWith(dir, "Pulumi." + "d".repeat(95) + ".yaml", c -> { }).toString()}, List.of("multisite:fleetStack", "longer than 100")));
    }

    // ---- fleet preview|up|destroy options -------------------------------------------------------

    private static void fleetOptionCases(List<Case> cases) {
        String dev = ExampleStacks.file("dev").toString();
        String[][] table = {
                {"--parallel", "0", "--parallel: '0' is not allowed"}, {"--parallel", "-3", "--parallel: '-3'"}, {"--parallel", "abc", "'abc' is not a whole number"},
                {"--parallel", "99999999999", "'99999999999' is not a whole number"}, {"--timeout-seconds", "0", "--timeout-seconds: 0 is outside 1..86400"},
                {"--timeout-seconds", "-5", "--timeout-seconds: -5 is outside"}, {"--timeout-seconds", "86401", "--timeout-seconds: 86401 is outside"},
                {"--timeout-seconds", "soon", "'soon' is not a whole number"}, {"--timeout-seconds", "1e3", "'1e3' is not a whole number"},
                {"--only", "nosuchpart", "--only: 'nosuchpart' is not a part of this stack"}, {"--only", "", "--only: '' is not a part"},
                {"--only", LONG, "--only: 'aaaa"}, {"--only", "shared" + RLO, "\\u202e"}};
        for (String command : List.of("preview", "up", "destroy")) {
            for (String[] row : table) {
                cases.add(new Case("fleet " + command + " " + row[0] + " '" + shortName(row[1]) + "'", dir -> new String[]{"fleet", command, "--stack-file", dev,
                        row[0], row[1], "--work-dir", dir.resolve("work").toString()}, List.of(row[2])));
            }
            cases.add(new Case("fleet " + command + ": --work-dir is a file", dir -> new String[]{"fleet", command, "--stack-file", dev, "--work-dir",
                    BadInputs.write(dir, "f", "x").toString()}, List.of("--work-dir", "is a file, not a directory")));
            cases.add(new Case("fleet " + command + ": --work-dir parent missing", dir -> new String[]{"fleet", command, "--stack-file", dev, "--work-dir",
                    dir.resolve("a/b").toString()}, List.of("--work-dir", "does not exist")));
            cases.add(new Case("fleet " + command + ": --work-dir unwritable", dir -> new String[]{"fleet", command, "--stack-file", dev, "--work-dir",
                    "/proc/multisite-work"}, List.of("--work-dir", "cannot create files in /proc")));
            cases.add(new Case("fleet " + command + ": --work-dir empty", dir -> new String[]{"fleet", command, "--stack-file", dev, "--work-dir", ""},
                    List.of("--work-dir: empty path")));
            cases.add(new Case("fleet " + command + ": --work-dir name too long", dir -> new String[]{"fleet", command, "--stack-file", dev, "--work-dir",
                    dir.resolve(LONG).toString()}, List.of("--work-dir", "300 bytes long; at most 200")));
            cases.add(new Case("fleet " + command + ": no stack", dir -> new String[]{"fleet", command}, List.of("--stack")));
            cases.add(new Case("fleet " + command + ": --stack is a path", dir -> new String[]{"fleet", command, "--stack", "../../etc/dev"},
                    List.of("--stack: '../../etc/dev' is not a stack name")));
            cases.add(new Case("fleet " + command + ": stack file missing", dir -> new String[]{"fleet", command, "--stack-file", dir.resolve("Pulumi.x.yaml").toString()},
                    List.of("Pulumi.x.yaml", "no such stack file")));
            cases.add(new Case("fleet " + command + ": stack file name is no stack name", dir -> new String[]{"fleet", command, "--stack-file",
                    BadInputs.write(dir, "Pulumi.my dev.yaml", BadInputs.text("dev")).toString()}, List.of("stack name: 'my dev' is not a stack name")));
            cases.add(new Case("fleet " + command + ": stack file with .inf", dir -> new String[]{"fleet", command, "--stack-file",
                    BadInputs.write(dir, "Pulumi.dev.yaml", BadInputs.text("dev").replaceFirst("capacity: \\d+", "capacity: .inf")).toString()},
                    List.of("'.inf' is infinity")));
            cases.add(new Case("fleet " + command + ": unknown option", dir -> new String[]{"fleet", command, "--stack-file", dev, "--paralel", "2"},
                    List.of("unknown option '--paralel'")));
        }
        cases.add(new Case("fleet: no subcommand", dir -> new String[]{"fleet"}, List.of("missing subcommand", "preview")));
        cases.add(new Case("fleet: unknown subcommand", dir -> new String[]{"fleet", "deploy"}, List.of("'deploy'")));
    }

    private static String shortName(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value.replace(RLO, "<RLO>");
    }

    // ---- fleet export --------------------------------------------------------------------------

    private static void exportCases(List<Case> cases) {
        String dev = ExampleStacks.file("dev").toString();
        Function<String[], Function<Path, String[]>> operator = extra -> dir -> {
            List<String> args = new ArrayList<>(List.of("fleet", "export", "--engine", "operator", "--stack-file", dev, "--out", dir.resolve("out").toString()));
            if (!extra[0].equals("--repo")) {
                args.add("--repo=https://github.com/acme/infra.git");
            }
            // option=value: a value that starts with '-' is still the option's value.
            for (int i = 0; i < extra.length; i += 2) {
                args.add(extra[i] + "=" + extra[i + 1]);
            }
            return args.toArray(String[]::new);
        };
        String[][] repos = {{"a\nb", "is not a git URL"}, {"not a url", "is not a git URL"}, {"ftp://host/repo.git", "is not a git URL"},
                {"https://", "is not a git URL"}, {"https:///repo.git", "is not a git URL"}, {"https://github.com", "is not a git URL"},
                {"-oProxyCommand=touch /tmp/x", "is not a git URL"}, {"git@github.com", "is not a git URL"}, {" https://github.com/a/b.git", "is not a git URL"},
                {"https://" + LONG + "/" + "b".repeat(2000), "is not a git URL"}, {"https://github.com/a/b.git" + RLO, "\\u202e"}, {"", "--repo: required"}};
        for (String[] row : repos) {
            cases.add(new Case("fleet export --repo '" + shortName(row[0]).replace("\n", "\\n") + "'", operator.apply(new String[]{"--repo", row[0]}),
                    List.of("--repo", row[1])));
        }
        String[] branches = {"a\nb", "..", "a..b", "a b", "-x", "a.lock", "/a", "a/", "a//b", "@", "a@{b", "a~1", "a^", "a:b", "a?", "a*", "a[b", "a\\b",
                ".hidden", "a/.b", "end.", "", "x".repeat(300), "main" + RLO};
        for (String branch : branches) {
            cases.add(new Case("fleet export --branch '" + shortName(branch).replace("\n", "\\n") + "'", operator.apply(new String[]{"--branch", branch}),
                    List.of("--branch", "is not a git branch name")));
        }
        String[][] dirs = {{"../../etc", "leaves the repository"}, {"/etc", "is an absolute path"}, {"~/infra", "is an absolute path"},
                {"a/../b", "leaves the repository"}, {"", "is not a directory in the repository"}, {"a//b", "empty or '.' component"},
                {"./a", "empty or '.' component"}, {"a\nb", "is not a directory"}, {"a\\b", "is not a directory"}, {".", "empty or '.' component"},
                {"infra/", "empty or '.' component"}, {"a" + RLO, "\\u202e"}};
        for (String[] row : dirs) {
            cases.add(new Case("fleet export --repo-dir '" + shortName(row[0]).replace("\n", "\\n") + "'", operator.apply(new String[]{"--repo-dir", row[0]}),
                    List.of("--repo-dir", row[1])));
        }
        String[][] others = {{"--commit", "xyz", "--commit: 'xyz' is not a commit hash"}, {"--commit", "ABCDEF0", "--commit: 'ABCDEF0'"},
                {"--prerequisite-max-age", "1 hour", "--prerequisite-max-age: '1 hour' is not a duration"}, {"--prerequisite-max-age", "-1h", "is not a duration"},
                {"--organization", "acme corp", "--organization"}, {"--namespace", "Prod_NS", "--namespace"}, {"--access-token-secret", "a/b", "--access-token-secret"},
                {"--service-account", "-sa", "--service-account"}, {"--secret-config-secret", "UPPER", "--secret-config-secret"},
                {"--cloud-credentials-secret", "x_y", "--cloud-credentials-secret"}};
        for (String[] row : others) {
            cases.add(new Case("fleet export " + row[0] + " '" + shortName(row[1]) + "'", operator.apply(new String[]{row[0], row[1]}), List.of(row[2])));
        }
        cases.add(new Case("fleet export: --branch and --commit", operator.apply(new String[]{"--branch", "main", "--commit", "abcdef0"}), List.of("--branch and --commit")));
        for (String option : List.of("--repo", "--branch", "--commit", "--repo-dir", "--organization", "--namespace", "--access-token-secret",
                "--cloud-credentials-secret", "--secret-config-secret", "--prerequisite-max-age", "--service-account")) {
            cases.add(new Case("fleet export github with " + option, dir -> new String[]{"fleet", "export", "--engine", "github", "--stack-file", dev,
                    "--out", dir.resolve("out").toString(), option, "x"}, List.of(option, "applies to --engine operator only")));
        }
        cases.add(new Case("fleet export: unknown engine", dir -> new String[]{"fleet", "export", "--engine", "argo", "--stack-file", dev, "--out",
                dir.resolve("out").toString()}, List.of("'argo' is not an engine")));
        cases.add(new Case("fleet export: no --engine", dir -> new String[]{"fleet", "export", "--stack-file", dev, "--out", dir.resolve("out").toString()},
                List.of("--engine")));
        cases.add(new Case("fleet export: --out is a file", dir -> new String[]{"fleet", "export", "--engine", "github", "--stack-file", dev, "--out",
                BadInputs.write(dir, "f", "x").toString()}, List.of("--out", "is a file, not a directory")));
        cases.add(new Case("fleet export: --out parent missing", dir -> new String[]{"fleet", "export", "--engine", "github", "--stack-file", dev, "--out",
                dir.resolve("a/b").toString()}, List.of("--out", "does not exist")));
        cases.add(new Case("fleet export: --out unwritable", dir -> new String[]{"fleet", "export", "--engine", "github", "--stack-file", dev, "--out",
                "/proc/multisite-export"}, List.of("--out", "cannot create files in /proc")));
        cases.add(new Case("fleet export: --out name too long", dir -> new String[]{"fleet", "export", "--engine", "github", "--stack-file", dev, "--out",
                dir.resolve(LONG).toString()}, List.of("--out", "300 bytes long")));
        cases.add(new Case("fleet export: --out empty", dir -> new String[]{"fleet", "export", "--engine", "github", "--stack-file", dev, "--out", ""},
                List.of("--out: empty path")));
    }

    // ---- schema and parts ----------------------------------------------------------------------

    private static void schemaAndPartsCases(List<Case> cases) {
        cases.add(new Case("schema: --out is a directory", dir -> new String[]{"schema", "--out", dir.toString()}, List.of("--out", "is a directory")));
        cases.add(new Case("schema: --out parent missing", dir -> new String[]{"schema", "--out", dir.resolve("a/schema.json").toString()}, List.of("--out", "does not exist")));
        cases.add(new Case("schema: --out unwritable", dir -> new String[]{"schema", "--out", "/proc/schema.json"}, List.of("--out", "cannot create files in /proc")));
        cases.add(new Case("schema: --out empty", dir -> new String[]{"schema", "--out", ""}, List.of("--out: empty path")));
        cases.add(new Case("schema: --out name too long", dir -> new String[]{"schema", "--out", dir.resolve(LONG + ".json").toString()}, List.of("--out", "bytes long")));
        cases.add(new Case("schema: --out is /dev/full", dir -> new String[]{"schema", "--out", "/dev/full"}, List.of("--out", "/dev/full", "cannot be overwritten")));
        cases.add(new Case("schema: --out under a file", dir -> new String[]{"schema", "--out", BadInputs.write(dir, "f", "x").resolve("s.json").toString()},
                List.of("--out", "not a directory")));
        cases.add(new Case("schema: stray argument", dir -> new String[]{"schema", "extra"}, List.of("unexpected argument 'extra'")));
        String dev = ExampleStacks.file("dev").toString();
        cases.add(new Case("parts: --json with --estimate", dir -> new String[]{"parts", "--stack-file", dev, "--json", "--estimate"},
                List.of("--estimate", "cannot be combined with --json")));
        cases.add(new Case("parts: --stack is a path", dir -> new String[]{"parts", "--stack", "../dev"}, List.of("--stack: '../dev' is not a stack name")));
        cases.add(new Case("parts: stack file missing", dir -> new String[]{"parts", "--stack-file", dir.resolve("Pulumi.none.yaml").toString()},
                List.of("Pulumi.none.yaml", "no such stack file")));
        cases.add(new Case("parts: stack file with .nan", dir -> new String[]{"parts", "--stack-file",
                BadInputs.write(dir, "Pulumi.dev.yaml", BadInputs.text("dev").replaceFirst("capacity: \\d+", "capacity: .nan")).toString()},
                List.of("'.nan' is not a number (NaN)")));
        cases.add(new Case("parts: unknown option", dir -> new String[]{"parts", "--yaml"}, List.of("unknown option '--yaml'")));
        cases.add(new Case("plan --part: unknown part", dir -> new String[]{"plan", "--stack-file", dev, "--part", "nosuchpart"},
                List.of("--part: 'nosuchpart' is not a part of this stack")));
        cases.add(new Case("plan --part: empty", dir -> new String[]{"plan", "--stack-file", dev, "--part", ""}, List.of("--part: '' is not a part")));
        cases.add(new Case("plan --part: RLO", dir -> new String[]{"plan", "--stack-file", dev, "--part", "shared" + RLO}, List.of("--part", "\\u202e")));
        cases.add(new Case("plan --part: long", dir -> new String[]{"plan", "--stack-file", dev, "--part", LONG}, List.of("--part: 'aaaa", "...")));
        cases.add(new Case("plan --part: fleet file name no stack name", dir -> new String[]{"plan", "--part", "shared", "--stack-file",
                BadInputs.write(dir, "Pulumi.my dev.yaml", BadInputs.text("dev")).toString()}, List.of("multisite:fleetStack: 'my dev' is not a stack name")));
    }

    // ---- check ---------------------------------------------------------------------------------

    private static final String URN = "urn:pulumi:dev::multisite::aws:s3/bucket:Bucket::b";

    /** A one-step preview whose step's newState gets {@code stateField}, or whose step gets {@code stepField}. */
    private static String preview(String stepFields, String stateFields, String tail) {
        return "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN + "\"" + stepFields + ",\"newState\":{\"type\":\"aws:s3/bucket:Bucket\"" + stateFields
                + ",\"inputs\":{}}}]" + tail + "}";
    }

    private static void check(List<Case> cases, String what, String text, String... keywords) {
        cases.add(new Case("check: " + what, dir -> new String[]{"check", BadInputs.write(dir, "preview.json", text).toString()},
                Stream.concat(Stream.of("preview.json"), Stream.of(keywords)).toList()));
    }

    private static void checkCases(List<Case> cases) {
        String good = preview("", "", "");
        check(cases, "two previews concatenated", good + "\n" + good + "\n", "a second JSON document starts at line 2", "exactly one");
        check(cases, "two previews on one line", good + good, "a second JSON document starts at line 1");
        check(cases, "garbage appended", good + "\nGARBAGE\n", "unexpected content after the preview document at line 2");
        check(cases, "a comma and more", good + ",{}", "unexpected content after the preview document");
        check(cases, "a number after", good + " 1", "a second JSON document");
        check(cases, "NUL after", good + "\u0000", "unexpected content after the preview document");
        check(cases, "a list document", "[]", "no steps array");
        check(cases, "steps is an object", "{\"steps\":{}}", "steps is an object, not an array");
        check(cases, "steps is a string", "{\"steps\":\"all\"}", "steps is a string 'all', not an array");
        check(cases, "no steps", "{\"config\":{}}", "no steps array");
        String[][] stepTypes = {{"op as number", ",\"op\":5", "steps[0] (urn:pulumi:dev::multisite::aws:s3/bucket...).op: expected a string", "a number 5"},
                {"op as null", ",\"op\":null", ".op: expected a string", "null"}, {"op as list", ",\"op\":[\"create\"]", ".op: expected a string", "a list"},
                {"op as object", ",\"op\":{}", ".op: expected a string", "an object"}};
        for (String[] row : stepTypes) {
            check(cases, row[0], "{\"steps\":[{\"urn\":\"" + URN + "\"" + row[1] + ",\"newState\":{\"type\":\"a:b:C\"}}]}", row[2], row[3]);
        }
        String[][] fields = {
                {"inputs", "[1]", "a list", "an object"}, {"inputs", "\"x\"", "a string 'x'", "an object"}, {"inputs", "3", "a number 3", "an object"},
                {"inputs", "true", "a boolean true", "an object"}, {"dependencies", "\"urn:x\"", "a string 'urn:x'", "a list of URN strings"},
                {"dependencies", "{}", "an object", "a list of URN strings"}, {"custom", "\"yes\"", "a string 'yes'", "a boolean"},
                {"custom", "1", "a number 1", "a boolean"}, {"parent", "1", "a number 1", "a URN string"}, {"parent", "[]", "a list", "a URN string"},
                {"parent", "{}", "an object", "a URN string"}, {"provider", "1", "a number 1", "a provider reference string"},
                {"provider", "{}", "an object", "a provider reference string"}, {"protect", "\"no\"", "a string 'no'", "a boolean"},
                {"protect", "0", "a number 0", "a boolean"}};
        for (String[] row : fields) {
            String text = "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN + "\",\"newState\":{\"type\":\"a:b:C\",\"" + row[0] + "\":" + row[1] + "}}]}";
            check(cases, "newState." + row[0] + " as " + row[2], text, ".newState." + row[0] + ": expected " + row[3], row[2]);
        }
        check(cases, "dependency a number", "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN + "\",\"newState\":{\"type\":\"a:b:C\",\"dependencies\":[1]}}]}",
                ".newState.dependencies[0]: expected a URN string", "a number 1");
        check(cases, "dependency null", "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN + "\",\"newState\":{\"type\":\"a:b:C\",\"dependencies\":[null]}}]}",
                ".newState.dependencies[0]: expected a URN string", "null");
        check(cases, "urn a number", "{\"steps\":[{\"op\":\"create\",\"urn\":1}]}", "steps[0].urn: expected a non-empty string", "a number 1");
        check(cases, "urn empty", "{\"steps\":[{\"op\":\"create\",\"urn\":\"\"}]}", "steps[0].urn: expected a non-empty string");
        check(cases, "urn not a URN", "{\"steps\":[{\"op\":\"create\",\"urn\":\"bucket-b\",\"newState\":{\"type\":\"a:b:C\"}}]}", "(bucket-b).urn: not a Pulumi URN");
        check(cases, "urn without stack", "{\"steps\":[{\"op\":\"create\",\"urn\":\"urn:pulumi:::p::t::n\",\"newState\":{\"type\":\"a:b:C\"}}]}", "not a Pulumi URN");
        check(cases, "two stacks in one preview", "{\"steps\":[" + "{\"op\":\"create\",\"urn\":\"" + URN + "\",\"newState\":{\"type\":\"a:b:C\"}},"
                + "{\"op\":\"create\",\"urn\":\"urn:pulumi:prod::multisite::a:b:C::c\",\"newState\":{\"type\":\"a:b:C\"}}]}", "steps[1]", "names stack 'prod'", "'dev'");
        check(cases, "changeSummary a list", preview("", "", ",\"changeSummary\":[]"), "changeSummary: expected an object", "a list");
        check(cases, "same as text", preview("", "", ",\"changeSummary\":{\"same\":\"3\"}"), "changeSummary.same: expected a count", "a string '3'");
        check(cases, "same negative", preview("", "", ",\"changeSummary\":{\"same\":-1}"), "changeSummary.same", "a number -1");
        check(cases, "same a fraction", preview("", "", ",\"changeSummary\":{\"same\":1.5}"), "changeSummary.same", "a number 1.5");
        check(cases, "config a list", preview("", "", ",\"config\":[]"), "config: expected an object", "a list");
        check(cases, "config a string", preview("", "", ",\"config\":\"x\""), "config: expected an object", "a string 'x'");
        check(cases, "topology not JSON", preview("", "", ",\"config\":{\"multisite:topology\":\"{bad\"}"), "config.multisite:topology: not valid JSON text");
        check(cases, "topology a number", preview("", "", ",\"config\":{\"multisite:topology\":5}"), "config.multisite:topology: expected the topology", "a number 5");
        check(cases, "topology a list", preview("", "", ",\"config\":{\"multisite:topology\":[1]}"), "config.multisite:topology", "a list");
        check(cases, "topology text of a list", preview("", "", ",\"config\":{\"multisite:topology\":\"[1]\"}"), "config.multisite:topology", "a list");
        check(cases, "topology text of a string", preview("", "", ",\"config\":{\"multisite:topology\":\"\\\"dev\\\"\"}"), "config.multisite:topology", "a string 'dev'");
        check(cases, "topology text with trailing", preview("", "", ",\"config\":{\"multisite:topology\":\"{} x\"}"), "config.multisite:topology: not valid JSON text");
        check(cases, "part a number", preview("", "", ",\"config\":{\"multisite:part\":5}"), "config.multisite:part: expected a string", "a number 5");
        check(cases, "part a list", preview("", "", ",\"config\":{\"multisite:part\":[\"shared\"]}"), "config.multisite:part: expected a string", "a list");
        check(cases, "fleetStack a number", preview("", "", ",\"config\":{\"multisite:fleetStack\":5}"), "config.multisite:fleetStack: expected a string");
        check(cases, "duplicate key in a step", "{\"steps\":[{\"op\":\"create\",\"op\":\"same\",\"urn\":\"" + URN + "\"}]}", "the key 'op' appears twice");
        check(cases, "duplicate key in inputs", "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN + "\",\"newState\":{\"type\":\"a:b:C\",\"inputs\":{\"acl\":1,\"acl\":2}}}]}",
                "the key 'acl' appears twice");
        check(cases, "NaN", preview("", "", ",\"changeSummary\":{\"same\":NaN}"), "not valid JSON at line 1");
        check(cases, "Infinity", preview("", "", ",\"changeSummary\":{\"same\":Infinity}"), "not valid JSON at line 1");
        check(cases, "single quotes", "{'steps':[]}", "not valid JSON at line 1, column 2");
        check(cases, "a comment", "// preview\n{\"steps\":[]}", "not valid JSON at line 1");
        check(cases, "truncated", good.substring(0, good.length() / 2), "not valid JSON");
        check(cases, "newState a list", "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN + "\",\"newState\":[]}]}", "newState is a list");
        check(cases, "type a number", "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN + "\",\"newState\":{\"type\":5}}]}", "newState has no type");
        check(cases, "step a string", "{\"steps\":[\"create\"]}", "steps[0]: a string 'create' where a step object was expected");
        cases.add(new Case("check: Latin-1 bytes", dir -> {
            Path file = dir.resolve("preview.json");
            write(file, ("{\"steps\":[],\"x\":\"caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1));
            return new String[]{"check", file.toString()};
        }, List.of("preview.json", "not valid UTF-8")));
        cases.add(new Case("check: over the size limit", dir -> {
            Path file = dir.resolve("preview.json");
            try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(17L * 1024 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[]{"check", file.toString()};
        }, List.of("preview.json", "may be at most 16777216 bytes")));
        check(cases, "1.1 million empty objects in config", "{\"config\":{\"x\":[" + "{},".repeat(1_100_000) + "{}]},\"steps\":[]}",
                "over 1000000 JSON values");
        check(cases, "1.1 million numbers in a step's inputs", "{\"steps\":[{\"op\":\"create\",\"urn\":\"" + URN
                + "\",\"newState\":{\"type\":\"a:b:C\",\"inputs\":{\"x\":[" + "12,".repeat(1_100_000) + "1]}}}]}", "over 1000000 JSON values");
        cases.add(new Case("check: /dev/zero", dir -> new String[]{"check", "/dev/zero"}, List.of("/dev/zero", "not a regular file")));
        cases.add(new Case("check: a directory", dir -> new String[]{"check", dir.toString()}, List.of("is a directory")));
        cases.add(new Case("check: missing file", dir -> new String[]{"check", dir.resolve("none.json").toString()}, List.of("none.json", "no such preview file")));
        cases.add(new Case("check: empty file", dir -> new String[]{"check", BadInputs.write(dir, "preview.json", "").toString()}, List.of("preview.json", "empty file")));
        cases.add(new Case("check: unknown format", dir -> new String[]{"check", "--format", "xml", BadInputs.write(dir, "p.json", good).toString()},
                List.of("--format", "'xml'")));
        multiFileCases(cases);
    }

    private static final String TOPOLOGY = "{\\\"domain\\\":\\\"example.com\\\"}";

    /** A one-resource preview of part {@code part} of fleet {@code fleet}, its URNs in stack {@code urnStack}. */
    private static String partPreview(String part, String fleet, String urnStack, String topology) {
        return "{\"config\":{\"multisite:topology\":\"" + topology + "\",\"multisite:part\":\"" + part + "\""
                + (fleet == null ? "" : ",\"multisite:fleetStack\":\"" + fleet + "\"") + "},\"steps\":[{\"op\":\"create\",\"urn\":\"urn:pulumi:" + urnStack
                + "::multisite::a:b:C::r\",\"newState\":{\"type\":\"a:b:C\"}}]}";
    }

    private static void multi(List<Case> cases, String what, String first, String second, String... keywords) {
        cases.add(new Case("check parts: " + what, dir -> new String[]{"check", BadInputs.write(dir, "one.json", first).toString(),
                BadInputs.write(dir, "two.json", second).toString()}, List.of(keywords)));
    }

    private static void multiFileCases(List<Case> cases) {
        String shared = partPreview("shared", "dev", "dev-shared", TOPOLOGY);
        multi(cases, "two fleets with one topology", shared, partPreview("links", "prod", "prod-links", TOPOLOGY),
                "two.json: a part of fleet stack 'prod'", "one.json is of 'dev'");
        multi(cases, "URNs of another stack", shared, partPreview("links", "dev", "prod-links", TOPOLOGY),
                "two.json: its resources are in stack 'prod-links'", "'dev-links'");
        multi(cases, "a part twice", shared, shared, "two.json: part shared is given twice (also", "one.json");
        multi(cases, "topologies differ", shared, partPreview("links", "dev", "dev-links", "{\\\"domain\\\":\\\"other.com\\\"}"),
                "two.json: its multisite:topology differs from", "one.json");
        multi(cases, "no fleet stack", shared, partPreview("links", null, "dev-links", TOPOLOGY), "two.json", "not multisite:fleetStack");
        multi(cases, "a whole stack among parts", shared, preview("", "", ""), "two.json: a preview of a whole stack");
        multi(cases, "the first file is bad", "{", shared, "one.json: not valid JSON");
        multi(cases, "the second file is concatenated", shared, shared + shared, "two.json: a second JSON document");
    }

    // ---- messages on stack files ---------------------------------------------------------------

    private static void stackFile(List<Case> cases, String what, Consumer<ObjectNode> mutation, String... keywords) {
        cases.add(new Case("plan: " + what, dir -> {
            ObjectNode file = BadInputs.tree("prod");
            mutation.accept(file);
            return new String[]{"plan", "--no-policy", "--stack-file", BadInputs.write(dir, "Pulumi.prod.yaml", BadInputs.yaml(file)).toString()};
        }, List.of(keywords)));
    }

    private static void edited(List<Case> cases, String what, String from, String to, String... keywords) {
        cases.add(new Case("plan: " + what, dir -> {
            String text = BadInputs.text("prod");
            String changed = text.replaceFirst(from, to);
            assertThat(changed).as(what).isNotEqualTo(text);
            return new String[]{"plan", "--no-policy", "--stack-file", BadInputs.write(dir, "Pulumi.prod.yaml", changed).toString()};
        }, List.of(keywords)));
    }

    private static void messageCases(List<Case> cases) {
        for (String value : List.of(".inf", "-.inf", "+.inf", ".Inf", ".INF")) {
            edited(cases, "capacity " + value, "capacity: \\d+", "capacity: " + value, "'" + value + "' is infinity", "line ");
        }
        for (String value : List.of(".nan", ".NaN", ".NAN")) {
            edited(cases, "capacity " + value, "capacity: \\d+", "capacity: " + value, "'" + value + "' is not a number (NaN)");
        }
        edited(cases, "ttl .inf", "ttlSeconds: \\d+", "ttlSeconds: .inf", "'.inf' is infinity");
        stackFile(cases, "region with U+202E", f -> ((ObjectNode) sites(f).get(0)).put("region", "us-east-1" + RLO), "region", "\\u202e");
        stackFile(cases, "domain with U+200B", f -> topology(f).put("domain", "exa\u200bmple.com"), "domain", "\\u200b");
        stackFile(cases, "site name with U+FEFF", f -> ((ObjectNode) sites(f).get(0)).put("name", "\ufeffaws-use1"), "\\ufeff");
        stackFile(cases, "absolute gitops path", f -> ((ObjectNode) topology(f).path("gitops").path("apps").get(0)).put("path", "/argocd/apps/hello"),
                ".path: '/argocd/apps/hello' is an absolute path", "argocd/apps/hello");
        stackFile(cases, "absolute gitops path, doubled slash", f -> ((ObjectNode) topology(f).path("gitops").path("apps").get(0)).put("path", "//x"),
                "is an absolute path");
        stackFile(cases, "health check regions on Cloudflare only", f -> ((ObjectNode) topology(f).path("traffic").path("healthCheck"))
                .putArray("regions").add("us-east-1").add("eu-west-1").add("us-west-2"), "traffic.healthCheck.regions", "cloudflare", "no effect");
        stackFile(cases, "unknown health check region on Cloudflare only", f -> ((ObjectNode) topology(f).path("traffic").path("healthCheck"))
                .putArray("regions").add("mars-north-1"), "traffic.healthCheck.regions", "no effect");
        cases.add(new Case("cli: missing required option names it once", dir -> new String[]{"fleet", "export", "--engine", "github", "--out", dir.resolve("out").toString()},
                List.of("error: Missing required argument", "--stack")));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
