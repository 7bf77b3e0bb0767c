package dev.multisite.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.multisite.policy.analyzer.StructJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * Runs a Pulumi program under the Java SDK's mock engine and records what it registers, with the
 * parent, provider, dependencies and inputs (secrets marked) of each resource: a plan, without a
 * cloud, credentials or a Pulumi CLI. The CLI's offline plan runs the stack program through it;
 * the components' tests run one component at a time.
 */
public final class OfflineEngine {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Runs of one plan when each earlier run failed only by the SDK's serializer race ({@link SdkRace}). */
    static final int ATTEMPTS = 3;

    private OfflineEngine() {
    }

    /**
     * Runs {@code program} as stack {@code stackName} of project {@code project}. The SDK's
     * deployment state is a static singleton: never run two at once (tests run sequentially).
     */
    public static Plan run(String project, String stackName, Mocks mocks, Consumer<Context> program) {
        return runCapturing(project, stackName, mocks, program).plan();
    }

    /** The plan and the stack's outputs as a stack reference to it would read them (fleet mode plans parts in order). */
    public record Run(Plan plan, StackOutputs outputs) {
    }

    /** As {@link #run}, also keeping the stack outputs' values (mock values, secrets included) in memory. */
    public static Run runCapturing(String project, String stackName, Mocks mocks, Consumer<Context> program) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(project, stackName, mocks, program, attempt == ATTEMPTS);
            } catch (SdkRaceException race) {
                System.err.println("offline plan of " + stackName + ": the Pulumi SDK's serializer race (attempt "
                        + attempt + " of " + ATTEMPTS + "); planning again");
            }
        }
    }

    /** Thrown by a run that failed only by the SDK's race, while another attempt is left. */
    private static final class SdkRaceException extends RuntimeException {
        SdkRaceException() {
            super(null, null, false, false);
        }
    }

    private static Run runOnce(String project, String stackName, Mocks mocks, Consumer<Context> program, boolean last) {
        var recorder = new RecordingMonitor[1];
        var engine = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(project).stackName(stackName).preview(false).build())
                .mocks(mocks)
                .standardLogger(PulumiTestInternal.logger(Level.SEVERE))
                .monitorDecorator(base -> recorder[0] = new RecordingMonitor(mocks, PulumiTestInternal.mockLog()))
                .build();
        try {
            TestResult result = engine.runTest(program::accept);
            List<String> failures = new ArrayList<>(result.errors());
            // An exception inside an apply does not throw from runTest: it is only in exceptions().
            result.exceptions().forEach(e -> failures.add(rootMessage(e)));
            if (!last && SdkRace.onlyFailures(result.errors(), result.exceptions())) {
                throw new SdkRaceException();
            }
            if (!failures.isEmpty()) {
                throw new PlanException(failures);
            }
            var plan = new Plan(stackName, recorder[0].resources(), outputs(result), recorder[0].registeredOutputs());
            return new Run(plan, values(result));
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    private static StackOutputs values(TestResult result) {
        Map<String, Object> values = new LinkedHashMap<>();
        java.util.Set<String> secrets = new java.util.HashSet<>();
        result.outputs().forEach((name, output) -> {
            var data = PulumiTestInternal.extractOutputData(output);
            if (data.getValueNullable() != null) {
                values.put(name, data.getValueNullable());
            }
            if (data.isSecret()) {
                secrets.add(name);
            }
        });
        return new StackOutputs(values, secrets);
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
}
