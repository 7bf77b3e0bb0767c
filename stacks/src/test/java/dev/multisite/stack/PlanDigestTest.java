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
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A golden digest of every example plan, one line per resource: the stack, the SHA-256 of the
 * resource's URN, type, parent, provider, protect, inputs and dependencies, and its URN (without
 * the {@code urn:pulumi:<stack>::<project>::} prefix), in URN order. A refactor must leave it
 * unchanged; a change that means to alter a plan updates {@code plan-digests.txt} in the same
 * commit, and its diff shows which resources it added, removed or changed (CONTRIBUTING gives the
 * command). A failure lists the same.
 */
class PlanDigestTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "plan-digests.txt");
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String HEADER = "# stack sha256 urn, one line per planned resource (PlanDigestTest; update deliberately, with the change that explains it)";

    /** The plan's lines: {@code <stack> <sha256 of the resource> <urn tail>}, in URN order. */
    static List<String> lines(String stack, Plan plan) {
        List<PlannedResource> sorted = new ArrayList<>(plan.resources());
        sorted.sort(java.util.Comparator.comparing(PlannedResource::urn));
        return sorted.stream().map(r -> stack + " " + digest(r) + " " + urnTail(r.urn())).toList();
    }

    static String digest(PlannedResource r) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("urn", r.urn()).put("type", r.type()).put("parent", r.parent())
                .put("provider", r.providerUrn()).put("protect", r.protect());
        entry.set("inputs", r.inputs());
        var dependencies = entry.putArray("dependencies");
        r.dependencies().stream().sorted().forEach(dependencies::add);
        try {
            byte[] canonical = JSON.writeValueAsString(JSON.treeToValue(entry, Object.class)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code urn:pulumi:<stack>::<project>::<types>::<name>} without the stack and project. */
    private static String urnTail(String urn) {
        String[] parts = urn.split("::", 3);
        return parts.length == 3 ? parts[2] : urn;
    }

    /** What differs between the golden lines and the plans' lines: per URN, added, removed or changed. */
    static List<String> differences(List<String> golden, List<String> actual) {
        Map<String, String> before = byResource(golden);
        Map<String, String> after = byResource(actual);
        List<String> out = new ArrayList<>();
        before.forEach((resource, hash) -> {
            if (!after.containsKey(resource)) {
                out.add("removed " + resource);
            } else if (!after.get(resource).equals(hash)) {
                out.add("changed " + resource);
            }
        });
        after.keySet().stream().filter(resource -> !before.containsKey(resource)).forEach(resource -> out.add("added " + resource));
        return out;
    }

    private static Map<String, String> byResource(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.split(" ", 3);
                out.put(fields[0] + " " + fields[2], fields[1]);
            }
        }
        return out;
    }

    @Test
    void everyExamplePlanMatchesItsGoldenDigests() throws Exception {
        List<String> actual = new ArrayList<>();
        for (String stack : ExampleStacks.NAMES) {
            actual.addAll(lines(stack, ExampleStacks.plan(stack)));
        }
        if (Boolean.getBoolean("multisite.updateDigests")) {
            Files.writeString(GOLDEN, HEADER + "\n" + String.join("\n", actual) + "\n");
        }
        List<String> golden = Files.readAllLines(GOLDEN);
        assertThat(differences(golden, actual))
                .as("the plans differ from %s; if the change is intended, rerun with -Dmultisite.updateDigests=true (CONTRIBUTING) and review its diff", GOLDEN)
                .isEmpty();
        assertThat(golden).as("the file is exactly what the generator writes").containsExactlyElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(HEADER), actual.stream()).toList());
    }

    @Test
    void aChangedInputShowsAsOneChangedResource() {
        Plan plan = ExampleStacks.plan("dev");
        var changed = new ArrayList<>(plan.resources());
        PlannedResource first = changed.stream().filter(r -> r.inputs().size() > 0).findFirst().orElseThrow();
        ObjectNode inputs = first.inputs().deepCopy();
        inputs.put("changedByTest", true);
        changed.set(changed.indexOf(first), new PlannedResource(first.urn(), first.type(), first.name(), first.custom(), first.parent(),
                first.provider(), first.dependencies(), first.propertyDependencies(), first.protect(), inputs));
        changed.remove(changed.size() - 1);
        var removed = plan.resources().get(plan.resources().size() - 1);
        assertThat(differences(lines("dev", plan), lines("dev", new Plan(plan.stackName(), changed, plan.outputs()))))
                .containsExactlyInAnyOrder("changed dev " + urnTail(first.urn()), "removed dev " + urnTail(removed.urn()));
    }
}
