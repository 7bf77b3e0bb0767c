package dev.multisite.offline;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan that failed only by the SDK's serializer race is planned again; any other failure is the program's. */
class SdkRaceRetryTest {

    /** The shape CI saw: thrown from HashMap.keysToArray while the SDK's DeploymentImpl copied a set. */
    private static RuntimeException sdkRace() {
        var e = new ArrayIndexOutOfBoundsException("Index 2 out of bounds for length 2");
        e.setStackTrace(new StackTraceElement[]{
                new StackTraceElement(null, "java.base", null, "java.util.HashMap", "keysToArray", "HashMap.java", 950),
                new StackTraceElement(null, "java.base", null, "java.util.HashSet", "toArray", "HashSet.java", 368),
                new StackTraceElement("com.pulumi.deployment.internal.DeploymentImpl$Prepare", "lambda$prepareResourceAsync$12",
                        "DeploymentImpl.java", 1126)});
        return e;
    }

    /** A program's own index error: no JDK hash collection in the trace. */
    private static RuntimeException programBug() {
        return new ArrayIndexOutOfBoundsException("Index 5 out of bounds for length 2");
    }

    private static Plan plan(AtomicInteger runs, int failingRuns, java.util.function.Supplier<RuntimeException> failure) {
        return OfflineEngine.run("race", "test", new PlanMocks(), ctx -> {
            int run = runs.incrementAndGet();
            ctx.export("answer", Output.of(42).applyValue(v -> {
                if (run <= failingRuns) {
                    throw failure.get();
                }
                return v;
            }));
        });
    }

    @Test
    void aRunThatFailedOnlyByTheRaceIsPlannedAgain() {
        var runs = new AtomicInteger();
        Plan plan = plan(runs, 1, SdkRaceRetryTest::sdkRace);
        assertEquals(2, runs.get());
        assertEquals(42, plan.outputs().get("answer").asInt());
    }

    @Test
    void theProgramsOwnFailureIsNotRetried() {
        var runs = new AtomicInteger();
        var failure = assertThrows(PlanException.class, () -> plan(runs, 1, SdkRaceRetryTest::programBug));
        assertEquals(1, runs.get());
        assertTrue(failure.getMessage().contains("Index 5 out of bounds"), failure.getMessage());
    }

    @Test
    void aRaceOnEveryAttemptFailsAfterTheLastOne() {
        var runs = new AtomicInteger();
        var failure = assertThrows(PlanException.class, () -> plan(runs, OfflineEngine.ATTEMPTS, SdkRaceRetryTest::sdkRace));
        assertEquals(OfflineEngine.ATTEMPTS, runs.get());
        assertTrue(failure.getMessage().contains("ArrayIndexOutOfBoundsException"), failure.getMessage());
    }
}
