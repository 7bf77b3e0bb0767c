package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.TopologyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property: whatever a random edit does to an example stack (delete a key, change a value's type,
 * duplicate a list element, insert a null), the stack file either parses or is refused with one
 * clean line; parsing is the gate, nothing gets past it as a crash. Fixed seed, so a failure is
 * reproducible; {@code -Pfuzz} (or {@code -Dmultisite.fuzz.iterations=N}) runs more iterations,
 * {@code -Dmultisite.fuzz.seed=S} another sequence, and {@code -Dmultisite.fuzz.plans=N} plans the
 * first N accepted edits under the mock engine (an accepted stack must plan).
 */
class StackFileFuzzTest {
    static final int ITERATIONS = Integer.getInteger("multisite.fuzz.iterations", 60);
    static final long SEED = Long.getLong("multisite.fuzz.seed", 15L);
    /** How many accepted edits are also planned under the mock engine (slow: off by default, on in -Pfuzz). */
    static final int PLANS = Integer.getInteger("multisite.fuzz.plans", 0);
    /** Refused inputs also go through the CLI, to check stderr end to end (cheap: it stops at the parser). */
    static final int THROUGH_CLI_EVERY = 3;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Supplier<JsonNode>> VALUES = List.of(
            () -> NODES.textNode("x"), () -> NODES.textNode(""), () -> NODES.textNode("a".repeat(300)), () -> NODES.numberNode(0),
            () -> NODES.numberNode(-1), () -> NODES.numberNode(2_147_483_648L), () -> NODES.numberNode(new BigInteger("9".repeat(25))),
            () -> NODES.numberNode(1.5), () -> NODES.booleanNode(true), NODES::nullNode, NODES::arrayNode, NODES::objectNode,
            () -> NODES.arrayNode().addNull(), () -> NODES.objectNode().putNull("k"), () -> NODES.textNode("10.0.0.0/8"));

    @Test
    void randomEditsOfTheExampleStacksParseOrFailWithOneCleanLine(@TempDir Path dir) {
        var random = new Random(SEED);
        int parsed = 0;
        int refused = 0;
        int planned = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String stack = ExampleStacks.NAMES.get(random.nextInt(ExampleStacks.NAMES.size()));
            ObjectNode file = BadInputs.tree(stack);
            List<String> edits = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int e = 0; e < count; e++) {
                JsonNode topology = file.path("config").path("multisite:topology");
                edits.add(mutate(random.nextInt(4) == 0 || !topology.isObject() ? file : (ObjectNode) topology, random));
            }
            String text = BadInputs.yaml(file);
            String what = "iteration " + i + " (seed " + SEED + ", " + stack + ": " + String.join("; ", edits) + ")";
            try {
                StackFile.parse(text, Path.of("Pulumi." + stack + ".yaml"));
                parsed++;
                if (planned++ < PLANS) {
                    Path path = BadInputs.write(dir, "Pulumi." + stack + ".yaml", text);
                    var r = PlanCommandTest.run("plan", "--no-policy", "--stack-file", path.toString());
                    assertThat(r.code()).as(what + " parsed, so it must plan; stderr: " + r.err()).isZero();
                }
            } catch (TopologyException refusal) {
                refused++;
                assertThat(refusal.problems()).as(what).isNotEmpty();
                refusal.problems().forEach(p -> assertThat(p).as(what).doesNotContainPattern(BadInputs.LEAKS));
                if (i % THROUGH_CLI_EVERY == 0) {
                    Path path = BadInputs.write(dir, "Pulumi." + stack + ".yaml", text);
                    BadInputs.assertOneClearError(PlanCommandTest.run("plan", "--no-policy", "--stack-file", path.toString()), what, List.of());
                }
            } catch (RuntimeException crash) {
                fail(what + " crashed the parser with " + crash + "\n" + text, crash);
            }
        }
        assertThat(parsed + refused).isEqualTo(ITERATIONS);
        assertThat(refused).as("the edits must break most stacks, or the test proves little").isGreaterThan(ITERATIONS / 2);
    }

    /** Applies one random edit somewhere under {@code root}; returns what it did, for the failure message. */
    static String mutate(ObjectNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        collect(root, "", containers, paths);
        int pick = random.nextInt(containers.size());
        JsonNode target = containers.get(pick);
        String path = paths.get(pick);
        int kind = random.nextInt(4);
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(random.nextInt(keys.size()));
            return switch (kind) {
                case 0 -> {
                    object.remove(key);
                    yield "delete " + path + "." + key;
                }
                case 1, 2 -> {
                    JsonNode value = VALUES.get(random.nextInt(VALUES.size())).get();
                    object.set(key, value);
                    yield "set " + path + "." + key + " = " + value;
                }
                default -> {
                    object.putNull(key);
                    yield "null " + path + "." + key;
                }
            };
        }
        if (target instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            return switch (kind) {
                case 0 -> {
                    array.add(array.get(index).deepCopy());
                    yield "duplicate " + path + "[" + index + "]";
                }
                case 1 -> {
                    array.insertNull(index);
                    yield "insert null at " + path + "[" + index + "]";
                }
                case 2 -> {
                    JsonNode value = VALUES.get(random.nextInt(VALUES.size())).get();
                    array.set(index, value);
                    yield "set " + path + "[" + index + "] = " + value;
                }
                default -> {
                    array.remove(index);
                    yield "delete " + path + "[" + index + "]";
                }
            };
        }
        if (target instanceof ArrayNode array) {
            array.addNull();
            return "insert null into empty " + path;
        }
        ((ObjectNode) target).putNull("extra");
        return "add null key to " + path;
    }

    private static void collect(JsonNode node, String path, List<JsonNode> containers, List<String> paths) {
        if (!node.isContainerNode()) {
            return;
        }
        containers.add(node);
        paths.add(path.isEmpty() ? "." : path);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "." + e.getKey(), containers, paths));
        } else {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", containers, paths);
            }
        }
    }
}
