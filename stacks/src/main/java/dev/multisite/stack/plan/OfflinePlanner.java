package dev.multisite.stack.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.multisite.policy.analyzer.StructJson;
import dev.multisite.stack.MultisiteStack;
import dev.multisite.stack.SecretConfig;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.logging.Level;

/**
 * Runs the real stack program under the Java SDK's mock engine and records what it registers:
 * the offline plan. No cloud, no credentials, no Pulumi CLI.
 */
public final class OfflinePlanner {
    public static final String PROJECT = "multisite";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflinePlanner() {
    }

    /** Plans the composition for a topology, with placeholder secrets. */
    public static Plan plan(String stackName, Topology topology) {
        return plan(stackName, topology, new PlanMocks(), (ctx, t) -> MultisiteStack.define(ctx, t, offlineSecrets()));
    }

    /** Plans any program body (tests use this to plan one component alone). */
    public static Plan plan(String stackName, Topology topology, Mocks mocks, BiConsumer<Context, Topology> program) {
        var recorder = new RecordingMonitor[1];
        var engine = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(PROJECT).stackName(stackName).preview(false).build())
                .mocks(mocks)
                .standardLogger(PulumiTestInternal.logger(Level.SEVERE))
                .monitorDecorator(base -> recorder[0] = new RecordingMonitor(mocks, PulumiTestInternal.mockLog()))
                .build();
        try {
            TestResult result = engine.runTest(ctx -> program.accept(ctx, topology));
            List<String> failures = new ArrayList<>(result.errors());
            result.exceptions().forEach(e -> failures.add(rootMessage(e)));
            if (!failures.isEmpty()) {
                throw new PlanException(failures);
            }
            return new Plan(stackName, recorder[0].resources(), outputs(result), recorder[0].registeredOutputs());
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /** Secret config values the offline plan cannot decrypt: well-formed placeholders, still secret. */
    public static SecretConfig offlineSecrets() {
        return key -> Output.ofSecret(OfflineKubeconfig.forConfigKey(key));
    }

    private static Map<String, JsonNode> outputs(TestResult result) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        new TreeMap<>(result.outputs()).forEach((name, output) -> {
            var data = PulumiTestInternal.extractOutputData(output);
            out.put(name, data.isSecret() ? TextNode.valueOf(StructJson.SECRET) : JSON.valueToTree(data.getValueNullable()));
        });
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The program failed under the mock engine; each line is one error it reported. */
    public static final class PlanException extends RuntimeException {
        private final List<String> failures;

        PlanException(List<String> failures) {
            super(String.join("\n", failures));
            this.failures = List.copyOf(failures);
        }

        public List<String> failures() {
            return failures;
        }
    }
}
