package dev.multisite.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A golden digest of every example plan (each resource's URN, type, parent, provider, protect,
 * inputs and dependencies, in URN order). A refactor must leave it unchanged; a change that means to alter a plan
 * updates {@code plan-digests.txt} in the same commit, so the diff shows which stacks it touched:
 * {@code mvn -pl stacks test -Dtest=PlanDigestTest -Dmultisite.updateDigests=true}.
 */
class PlanDigestTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "plan-digests.txt");
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static String digest(Plan plan) throws Exception {
        List<PlannedResource> sorted = new ArrayList<>(plan.resources());
        sorted.sort(java.util.Comparator.comparing(PlannedResource::urn));
        var sha = MessageDigest.getInstance("SHA-256");
        for (PlannedResource r : sorted) {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("urn", r.urn()).put("type", r.type()).put("parent", r.parent())
                    .put("provider", r.providerUrn()).put("protect", r.protect());
            entry.set("inputs", r.inputs());
            var dependencies = entry.putArray("dependencies");
            r.dependencies().stream().sorted().forEach(dependencies::add);
            sha.update(JSON.writeValueAsString(JSON.treeToValue(entry, Object.class)).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return plan.resources().size() + " " + HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void everyExamplePlanMatchesItsGoldenDigest() throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String stack : ExampleStacks.NAMES) {
            actual.put(stack, digest(ExampleStacks.plan(stack)));
        }
        StringBuilder text = new StringBuilder("# stack resources sha256 (PlanDigestTest; update deliberately, with the change that explains it)\n");
        actual.forEach((stack, d) -> text.append(stack).append(' ').append(d).append('\n'));
        if (Boolean.getBoolean("multisite.updateDigests")) {
            Files.writeString(GOLDEN, text);
        }
        assertThat(Files.readString(GOLDEN)).isEqualTo(text.toString());
    }

    @Test
    void theDigestSeesAChangedInput() throws Exception {
        Plan plan = ExampleStacks.plan("dev");
        var changed = new ArrayList<>(plan.resources());
        PlannedResource first = changed.stream().filter(r -> r.inputs().size() > 0).findFirst().orElseThrow();
        ObjectNode inputs = first.inputs().deepCopy();
        inputs.put("changedByTest", true);
        changed.set(changed.indexOf(first), new PlannedResource(first.urn(), first.type(), first.name(), first.custom(), first.parent(),
                first.provider(), first.dependencies(), first.propertyDependencies(), first.protect(), inputs));
        assertThat(digest(new Plan(plan.stackName(), changed, plan.outputs()))).isNotEqualTo(digest(plan));
    }
}
