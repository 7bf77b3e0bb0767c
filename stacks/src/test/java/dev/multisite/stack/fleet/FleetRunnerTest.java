package dev.multisite.stack.fleet;

import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.parts.PartKind;
import dev.multisite.stack.fleet.PartExecutor.Action;
import dev.multisite.stack.fleet.PartOutcome.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet graph walk with a fake executor: order, parallelism bound, failures and skips, destroy order. */
class FleetRunnerTest {
    /**
     * A fleet like prod's shape: shared; wan and traffic on their own; six sites after shared;
     * links after wan and four sites; gitops and data after all sites; a report after links (so a
     * site failure reaches it only through links).
     */
    static final PartGraph FLEET = new PartGraph(List.of(
            part("shared", PartKind.SHARED),
            part("wan", PartKind.WAN),
            part("traffic", PartKind.TRAFFIC),
            part("site-a", PartKind.SITE, "shared"),
            part("site-b", PartKind.SITE, "shared"),
            part("site-c", PartKind.SITE, "shared"),
            part("site-d", PartKind.SITE, "shared"),
            part("site-e", PartKind.SITE, "shared"),
            part("site-f", PartKind.SITE, "shared"),
            part("links", PartKind.LINKS, "wan", "site-a", "site-b", "site-c", "site-d"),
            part("gitops", PartKind.GITOPS, "site-a", "site-b", "site-c", "site-d", "site-e", "site-f"),
            part("data", PartKind.DATA, "site-a", "site-b", "site-c", "site-d", "site-e", "site-f"),
            part("report", PartKind.DATA, "links")));

    static Part part(String name, PartKind kind, String... dependsOn) {
        return new Part(name, kind, kind == PartKind.SITE ? name.substring(Part.SITE_PREFIX.length()) : null, List.of(dependsOn));
    }

    /** Records when each part started and ended on one shared counter; fails the parts it is told to. */
    static final class RecordingExecutor implements PartExecutor {
        final AtomicInteger tick = new AtomicInteger();
        final Map<String, Integer> started = new ConcurrentHashMap<>();
        final Map<String, Integer> ended = new ConcurrentHashMap<>();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final Set<String> failing;
        final Map<String, Long> sleepMillis;

        RecordingExecutor(Set<String> failing, Map<String, Long> sleepMillis) {
            this.failing = failing;
            this.sleepMillis = sleepMillis;
        }

        @Override
        public String run(Part part, Action action) throws Exception {
            calls.add(part.name() + " " + action.verb());
            started.put(part.name(), tick.incrementAndGet());
            try {
                Thread.sleep(sleepMillis.getOrDefault(part.name(), 5L));
                if (failing.contains(part.name())) {
                    throw new IllegalStateException("boom in " + part.name() + "\nsecond line");
                }
                return "1 create";
            } finally {
                ended.put(part.name(), tick.incrementAndGet());
            }
        }
    }

    static final Clock NOON = Clock.fixed(Instant.parse("2025-01-01T12:00:01Z"), ZoneOffset.UTC);

    private final StringWriter progress = new StringWriter();

    private FleetRunner runner(Action action, int parallelism, PartExecutor executor) {
        return new FleetRunner(FLEET, action, parallelism, executor, new PrintWriter(progress, true), NOON);
    }

    @Test
    void upStartsEveryPartOnlyAfterEachOfItsDependenciesSucceeded() throws Exception {
        // Uneven durations so that a scheduler ignoring dependencies would visibly start parts too early.
        var executor = new RecordingExecutor(Set.of(), Map.of("shared", 60L, "wan", 10L, "site-a", 80L, "site-f", 40L, "links", 20L));
        var result = runner(Action.UP, 4, executor).run();

        assertThat(result.exitCode()).isZero();
        assertThat(result.parts(Status.SUCCEEDED)).containsExactlyElementsOf(FLEET.names());
        assertThat(executor.calls).hasSize(FLEET.parts().size()).allMatch(c -> c.endsWith(" up"));
        for (Part part : FLEET.parts()) {
            for (String dependency : part.dependsOn()) {
                assertThat(executor.ended.get(dependency)).as("%s ended before %s started", dependency, part.name())
                        .isLessThan(executor.started.get(part.name()));
            }
        }
        // Parts that do not wait for each other overlap: wan and traffic run while shared does.
        assertThat(executor.started.get("wan")).isLessThan(executor.ended.get("shared"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void atMostNPartsRunAtOnceAndNDoWhenEnoughAreIndependent(int parallelism) throws Exception {
        // Eight independent parts. Each waits (up to 2 s) until N parts run at once or every part has
        // started: a runner that runs fewer in parallel stays below N, one that runs more goes above it.
        int total = 8;
        List<Part> parts = IntStream.rangeClosed(1, total).mapToObj(i -> part("site-" + i, PartKind.SITE)).toList();
        var graph = new PartGraph(parts);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        PartExecutor executor = (part, action) -> {
            started.incrementAndGet();
            int now = running.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (running.get() < parallelism && started.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(20);
            running.decrementAndGet();
            return "";
        };
        var result = new FleetRunner(graph, Action.UP, parallelism, executor, new PrintWriter(progress, true), NOON).run();

        assertThat(result.exitCode()).isZero();
        assertThat(max.get()).as("most parts running at once").isEqualTo(parallelism);
        assertThat(started.get()).isEqualTo(total);
    }

    @Test
    void aFailedPartSkipsEveryPartThatWaitsForItAndTheRestStillRun() throws Exception {
        var executor = new RecordingExecutor(Set.of("site-a"), Map.of());
        var result = runner(Action.UP, 4, executor).run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.parts(Status.FAILED)).containsExactly("site-a");
        assertThat(result.parts(Status.SKIPPED)).containsExactly("links", "gitops", "data", "report");
        assertThat(result.parts(Status.SUCCEEDED))
                .containsExactly("shared", "wan", "traffic", "site-b", "site-c", "site-d", "site-e", "site-f");
        assertThat(executor.calls).as("skipped parts never run")
                .noneMatch(c -> c.startsWith("links") || c.startsWith("gitops") || c.startsWith("data") || c.startsWith("report"));
        assertThat(result.outcome("report").detail()).isEqualTo("site-a failed, via links");
        assertThat(result.outcome("site-a").detail()).as("the failure, on one line").isEqualTo("boom in site-a; second line");

        String table = result.table();
        assertThat(table.lines()).anyMatch(l -> l.matches("site-a\\s+failed\\s+\\d+\\.\\d s\\s+boom in site-a; second line"));
        for (String skipped : List.of("links", "gitops", "data", "report")) {
            assertThat(table.lines()).as(skipped).anyMatch(l -> l.matches(skipped + "\\s+skipped\\s+-\\s+site-a failed.*"));
        }
        assertThat(table.lines()).anyMatch(l -> l.matches("site-f\\s+succeeded\\s+\\d+\\.\\d s\\s+1 create"));
        assertThat(table).endsWith("up: 8 succeeded, 1 failed, 4 skipped\n");
        assertThat(progress.toString().lines())
                .contains("[12:00:01] site-a: up started", "[12:00:01] links: skipped (site-a failed)")
                .anyMatch(l -> l.matches("\\[12:00:01] site-a: up failed in \\d+\\.\\d s: boom in site-a; second line"))
                .anyMatch(l -> l.matches("\\[12:00:01] site-b: up succeeded in \\d+\\.\\d s \\(1 create\\)"));
    }

    @Test
    void destroyWalksBackwardsAndAFailureSkipsThePartsItDependsOn() throws Exception {
        var executor = new RecordingExecutor(Set.of(), Map.of("links", 40L, "data", 10L, "site-c", 30L));
        var result = runner(Action.DESTROY, 4, executor).run();

        assertThat(result.exitCode()).isZero();
        for (Part part : FLEET.parts()) {
            for (String dependency : part.dependsOn()) {
                assertThat(executor.ended.get(part.name())).as("%s destroyed before %s", part.name(), dependency)
                        .isLessThan(executor.started.get(dependency));
            }
        }
        assertThat(result.outcomes().stream().map(PartOutcome::part)).as("the table lists the destroy order")
                .containsExactlyElementsOf(FLEET.destroyOrder().stream().map(Part::name).toList());

        progress.getBuffer().setLength(0);
        var failing = new RecordingExecutor(Set.of("links"), Map.of());
        var failed = runner(Action.DESTROY, 4, failing).run();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.parts(Status.FAILED)).containsExactly("links");
        // links reads wan and sites a-d; shared is read by those sites: all stay.
        assertThat(failed.parts(Status.SKIPPED)).containsExactlyInAnyOrder("wan", "site-a", "site-b", "site-c", "site-d", "shared");
        assertThat(failed.parts(Status.SUCCEEDED)).containsExactlyInAnyOrder("report", "data", "gitops", "site-e", "site-f", "traffic");
        assertThat(failed.outcome("shared").detail()).startsWith("links failed, via site-");
    }

    @Test
    void onlyRunsTheSelectionAndTreatsPartsOutsideItAsDone() throws Exception {
        var executor = new RecordingExecutor(Set.of(), Map.of("site-b", 40L));
        var result = runner(Action.UP, 4, executor).run(List.of("links", "site-b"));

        assertThat(result.exitCode()).isZero();
        assertThat(executor.calls).containsExactlyInAnyOrder("site-b up", "links up");
        assertThat(executor.ended.get("site-b")).as("a selected dependency still comes first").isLessThan(executor.started.get("links"));
        assertThat(result.parts(Status.NOT_SELECTED)).hasSize(FLEET.parts().size() - 2).doesNotContain("links", "site-b");
        assertThat(result.table().lines()).anyMatch(l -> l.matches("shared\\s+not selected\\s+-"));
        assertThat(result.table()).endsWith("up: 2 succeeded, 11 not selected\n");

        assertThatThrownBy(() -> runner(Action.UP, 4, executor).run(List.of("site-z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'site-z'").hasMessageContaining("site-a, site-b");
    }

    @Test
    void parallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> runner(Action.UP, 0, new RecordingExecutor(Set.of(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
