package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.PlanCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `multisite parts` and `multisite plan --part`: the part graph as users see it, and one part planned alone. */
class PartsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void partsArePrintedOnePerLineInADeployOrder() {
        Run r = run("parts", "--stack-file", ExampleStacks.file("prod").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).containsExactlyElementsOf(PartGraph.of(ExampleStacks.read("prod").topology()).names());
        assertThat(lines.indexOf("links")).isGreaterThan(lines.indexOf("site-az-weu"));
        assertThat(lines.indexOf("site-az-weu")).isGreaterThan(lines.indexOf("shared"));
    }

    @Test
    void jsonListsEachPartWithWhatItDependsOn() throws Exception {
        Run r = run("parts", "--stack-file", ExampleStacks.file("global").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode parts = JSON.readTree(r.out());
        List<String> seen = new ArrayList<>();
        for (JsonNode part : parts) {
            assertThat(part.fieldNames()).toIterable().containsExactly("name", "dependsOn");
            part.path("dependsOn").forEach(d -> assertThat(seen).as(part.path("name").asText()).contains(d.asText()));
            seen.add(part.path("name").asText());
        }
        assertThat(seen).hasSize(PartGraph.of(ExampleStacks.read("global").topology()).parts().size()).contains("wan", "links", "traffic");
    }

    @Test
    void onePartIsPlannedWithItsPartConfigAndItsStackWideRulesLeftForAllParts(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("site.json");
        Run r = run("plan", "--stack-file", ExampleStacks.file("prod").toString(), "--part", "site-az-weu", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Plan for part 'site-az-weu' (stack prod-site-az-weu", "reads the outputs of: shared",
                "multisite:site:AksSite", "not judged (the preview is of part site-az-weu only");
        JsonNode preview = JSON.readTree(json.toFile());
        assertThat(preview.path("config").path("multisite:part").asText()).isEqualTo("site-az-weu");
        assertThat(preview.path("config").path("multisite:fleetStack").asText()).isEqualTo("prod");
        // Only this site's component: every other site is another part's.
        List<String> sites = new ArrayList<>();
        preview.path("steps").forEach(s -> {
            if (s.path("newState").path("type").asText().startsWith("multisite:site:")) {
                sites.add(s.path("urn").asText().substring(s.path("urn").asText().lastIndexOf("::") + 2));
            }
        });
        assertThat(sites).containsExactly("az-weu");
    }

    @Test
    void anUnknownPartIsOneLineNamingTheParts() {
        Run r = run("plan", "--stack-file", ExampleStacks.file("prod").toString(), "--part", "site-nowhere");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("error: --part: 'site-nowhere' is not a part of this stack; parts: shared, wan, traffic, site-aws-use1, site-aws-euw1, "
                        + "site-gcp-euw4, site-az-weu, site-metal-fra, wan-attachments, links, gitops, data, data-endpoints");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPartStacksOwnFilePlansThatPartAsTheProgramWould(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.prod-links.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(ExampleStacks.file("prod"))
                + "  multisite:part: links\n  multisite:fleetStack: prod\n");
        Run r = run("plan", "--stack-file", file.toString(), "--no-policy");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Plan for part 'links' (stack prod-links,");

        Run other = run("plan", "--stack-file", file.toString(), "--part", "gitops");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err().lines().findFirst().orElseThrow())
                .isEqualTo("error: --part: 'gitops', but Pulumi.prod-links.yaml is the stack of part 'links'; plan that part, or give the fleet's stack file");
    }
}
