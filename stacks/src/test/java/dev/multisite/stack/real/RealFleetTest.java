package dev.multisite.stack.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.MultisiteCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet mode inside the real Pulumi CLI: {@code multisite fleet up|preview|destroy --stack dev}
 * drives {@code pulumi} through the Automation API on a file backend, each part its own stack
 * {@code dev-<part>} reading the parts it depends on through real {@code StackReference}s
 * (the engine's builtin provider, pulumi/pulumi pkg/resource/deploy/builtins.go). The clouds are
 * the stand-in providers (see {@link StandIns}); the engine, the Java host, the program, the
 * policy pack and the stack references are real.
 */
class RealFleetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FLEET = Duration.ofMinutes(20);
    private static final Duration CLI = Duration.ofMinutes(2);
    /** A progress line: {@code [12:00:01] site-aws-use1: up started}. */
    private static final Pattern PROGRESS = Pattern.compile("\\[\\d\\d:\\d\\d:\\d\\d] (\\S+): (\\w+) (started|succeeded|failed)");

    @TempDir
    Path scratch;

    @Test
    void upDeploysEveryPartInGraphOrderThenPreviewShowsNoChangesAndDestroyEmptiesEveryPart() throws Exception {
        RealPulumi pulumi = RealPulumi.open(scratch, "pulumi-language-java");
        Path root = Path.of("..").toAbsolutePath().normalize();
        pulumi.buildProject(root);
        StandIns.install(pulumi, scratch);
        PartGraph graph = PartGraph.of(ExampleStacks.read("dev").topology());

        var up = fleet(pulumi, root, "up");
        assertThat(up.exit()).as(up.output()).isZero();
        List<String[]> events = events(up.stdout());
        for (Part part : graph.parts()) {
            int started = index(events, part.name(), "started");
            for (String dependency : part.dependsOn()) {
                assertThat(index(events, dependency, "succeeded")).as("%s deployed before %s started", dependency, part.name())
                        .isLessThan(started);
            }
        }
        List<List<String>> waves = waves(events);
        System.out.println("real: fleet up --stack dev took " + seconds(up.took()) + "; waves " + waves);

        // Every stack reference the program made names a real part stack, and reads its outputs.
        for (Part part : graph.parts()) {
            JsonNode state = JSON.readTree(pulumi.pulumi(root, CLI, "stack", "export", "--stack", Part.stackName("dev", part.name())).stdout());
            List<String> referenced = new ArrayList<>();
            state.path("deployment").path("resources").forEach(r -> {
                if (r.path("type").asText().equals("pulumi:pulumi:StackReference")) {
                    referenced.add(r.path("inputs").path("name").asText());
                    assertThat(r.path("outputs").path("outputs").size()).as("outputs read by %s", r.path("urn").asText()).isPositive();
                }
            });
            assertThat(referenced).as("%s references the parts it depends on", part.name())
                    .containsExactlyInAnyOrderElementsOf(part.dependsOn().stream().map(d -> "organization/multisite/dev-" + d).toList());
        }

        var preview = fleet(pulumi, root, "preview");
        assertThat(preview.exit()).as(preview.output()).isZero();
        for (Part part : graph.parts()) {
            assertThat(row(preview.stdout(), part.name())).as("%s previews no changes after up", part.name()).matches("succeeded\\s+\\S+ s\\s+\\d+ same");
        }
        System.out.println("real: fleet preview --stack dev took " + seconds(preview.took()));

        var destroy = fleet(pulumi, root, "destroy");
        assertThat(destroy.exit()).as(destroy.output()).isZero();
        for (Part part : graph.parts()) {
            JsonNode state = JSON.readTree(pulumi.pulumi(root, CLI, "stack", "export", "--stack", Part.stackName("dev", part.name())).stdout());
            assertThat(state.path("deployment").path("resources").size()).as("resources left in %s", part.name()).isZero();
        }
        System.out.println("real: fleet destroy --stack dev took " + seconds(destroy.took()));
    }

    private static RealPulumi.Result fleet(RealPulumi pulumi, Path root, String verb) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return pulumi.run(root, FLEET, List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MultisiteCli.class.getName(),
                "fleet", verb, "--stack", "dev", "--work-dir", pulumi.backend().resolveSibling("work-" + verb).toString()));
    }

    /** (part, event) pairs in the order the fleet printed them. */
    private static List<String[]> events(String stdout) {
        List<String[]> events = new ArrayList<>();
        Matcher m = PROGRESS.matcher(stdout);
        while (m.find()) {
            events.add(new String[]{m.group(1), m.group(3)});
        }
        return events;
    }

    private static int index(List<String[]> events, String part, String event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i)[0].equals(part) && events.get(i)[1].equals(event)) {
                return i;
            }
        }
        throw new AssertionError("no '" + event + "' line for " + part);
    }

    /** The parts that started together: a new wave begins with the first start after a part finished. */
    private static List<List<String>> waves(List<String[]> events) {
        List<List<String>> waves = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean finishedSince = false;
        for (String[] e : events) {
            if (e[1].equals("started")) {
                if (finishedSince && !current.isEmpty()) {
                    waves.add(current);
                    current = new ArrayList<>();
                }
                current.add(e[0]);
                finishedSince = false;
            } else {
                finishedSince = true;
            }
        }
        if (!current.isEmpty()) {
            waves.add(current);
        }
        return waves;
    }

    /** A part's row of the fleet's closing table, without its name. */
    private static String row(String stdout, String part) {
        return stdout.lines().filter(l -> l.startsWith(part + " ")).reduce((a, b) -> b)
                .map(l -> l.substring(part.length()).strip()).orElseThrow(() -> new AssertionError("no row for " + part + " in\n" + stdout));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
