package dev.multisite.stack.fleet;

import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.fleet.PartExecutor.Action;
import dev.multisite.stack.fleet.PartOutcome.Status;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks a fleet's part graph and runs one action on every part, in parallel where the graph allows.
 *
 * <ul>
 *   <li>{@code preview} and {@code up}: a part starts once every part it depends on succeeded.</li>
 *   <li>{@code destroy}: backwards; a part starts once every part that depends on it was destroyed.</li>
 *   <li>At most {@code parallelism} parts run at once; ready parts start in graph order.</li>
 *   <li>A part that fails: every part waiting for it, directly or not, is skipped (never run);
 *       parts that do not wait for it still run.</li>
 *   <li>{@code only}: just these parts; a prerequisite outside the selection counts as done
 *       (deployed for up, destroyed for destroy).</li>
 * </ul>
 *
 * Pure scheduling: what running a part means is the {@link PartExecutor}'s business, so this class
 * is tested without Pulumi.
 */
public final class FleetRunner {
    public static final int DEFAULT_PARALLELISM = 4;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PartGraph graph;
    private final Action action;
    private final int parallelism;
    private final PartExecutor executor;
    private final PrintWriter progress;
    private final Clock clock;

    public FleetRunner(PartGraph graph, Action action, int parallelism, PartExecutor executor, PrintWriter progress) {
        this(graph, action, parallelism, executor, progress, Clock.systemDefaultZone());
    }

    /** @param clock only stamps the progress lines; durations come from {@link System#nanoTime()} */
    public FleetRunner(PartGraph graph, Action action, int parallelism, PartExecutor executor, PrintWriter progress, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.graph = Objects.requireNonNull(graph);
        this.action = Objects.requireNonNull(action);
        this.parallelism = parallelism;
        this.executor = Objects.requireNonNull(executor);
        this.progress = Objects.requireNonNull(progress);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Runs every part. */
    public Result run() throws InterruptedException {
        return run(List.of());
    }

    /**
     * Runs the parts named in {@code only} (every part when it is empty).
     *
     * @throws IllegalArgumentException when {@code only} names a part the graph does not have
     */
    public Result run(Collection<String> only) throws InterruptedException {
        Set<String> selected = select(only);
        List<Part> order = action.reversed() ? graph.destroyOrder() : graph.parts();

        // What each selected part waits for: its dependencies (or, backwards, its dependents) in the selection.
        Map<String, List<String>> waitsFor = new HashMap<>();
        for (Part part : order) {
            if (selected.contains(part.name())) {
                List<String> prerequisites = action.reversed()
                        ? graph.dependents(part.name()).stream().map(Part::name).toList()
                        : part.dependsOn();
                waitsFor.put(part.name(), prerequisites.stream().filter(selected::contains).toList());
            }
        }

        Map<String, PartOutcome> done = new HashMap<>();
        Map<String, String> rootFailure = new HashMap<>();
        List<Part> pending = new ArrayList<>(order.stream().filter(p -> selected.contains(p.name())).toList());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, new PartThreads());
        CompletionService<PartOutcome> finished = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (true) {
                skipBlocked(pending, waitsFor, done, rootFailure);
                for (var it = pending.iterator(); it.hasNext() && running < parallelism; ) {
                    Part part = it.next();
                    if (waitsFor.get(part.name()).stream().allMatch(p -> done.containsKey(p) && done.get(p).status() == Status.SUCCEEDED)) {
                        it.remove();
                        print(part.name() + ": " + action.verb() + " started");
                        finished.submit(() -> runOne(part));
                        running++;
                    }
                }
                if (running == 0) {
                    break;
                }
                PartOutcome outcome = finished.take().get();
                running--;
                done.put(outcome.part(), outcome);
                if (outcome.status() == Status.SUCCEEDED) {
                    print(outcome.part() + ": " + action.verb() + " succeeded in " + outcome.durationText()
                            + (outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")"));
                } else {
                    rootFailure.put(outcome.part(), outcome.part());
                    print(outcome.part() + ": " + action.verb() + " failed in " + outcome.durationText() + ": " + outcome.detail());
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            // runOne catches everything the executor throws; this is a bug in the runner itself.
            throw new IllegalStateException("fleet runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("parts never became ready: " + pending.stream().map(Part::name).toList());
        }

        List<PartOutcome> outcomes = new ArrayList<>();
        for (Part part : order) {
            outcomes.add(selected.contains(part.name()) ? done.get(part.name())
                    : new PartOutcome(part.name(), Status.NOT_SELECTED, Duration.ZERO, ""));
        }
        return new Result(action, outcomes);
    }

    private Set<String> select(Collection<String> only) {
        if (only == null || only.isEmpty()) {
            return new LinkedHashSet<>(graph.names());
        }
        Set<String> selected = new LinkedHashSet<>();
        only.forEach(name -> selected.add(graph.require(name).name()));
        return selected;
    }

    /** Marks skipped every pending part that waits for a failed or skipped part (in walk order, so transitively in one pass). */
    private void skipBlocked(List<Part> pending, Map<String, List<String>> waitsFor, Map<String, PartOutcome> done, Map<String, String> rootFailure) {
        for (var it = pending.iterator(); it.hasNext(); ) {
            Part part = it.next();
            String blocker = waitsFor.get(part.name()).stream()
                    .filter(p -> done.containsKey(p) && done.get(p).status() != Status.SUCCEEDED)
                    .findFirst().orElse(null);
            if (blocker != null) {
                it.remove();
                String root = rootFailure.get(blocker);
                String why = root + " failed" + (root.equals(blocker) ? "" : ", via " + blocker);
                rootFailure.put(part.name(), root);
                done.put(part.name(), new PartOutcome(part.name(), Status.SKIPPED, Duration.ZERO, why));
                print(part.name() + ": skipped (" + why + ")");
            }
        }
    }

    private PartOutcome runOne(Part part) {
        long start = System.nanoTime();
        try {
            String detail = executor.run(part, action);
            return new PartOutcome(part.name(), Status.SUCCEEDED, Duration.ofNanos(System.nanoTime() - start), oneLine(detail));
        } catch (Exception | LinkageError | AssertionError e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            return new PartOutcome(part.name(), Status.FAILED, Duration.ofNanos(System.nanoTime() - start), oneLine(message));
        }
    }

    private void print(String line) {
        synchronized (progress) {
            progress.println("[" + LocalTime.now(clock).format(CLOCK) + "] " + line);
            progress.flush();
        }
    }

    /** One line, no control characters: executor messages reach the terminal as they are. */
    static String oneLine(String text) {
        return dev.multisite.stack.cli.TerminalText.oneLine(text);
    }

    /** Names the pool's threads after the fleet, and lets the JVM exit if a caller forgets them. */
    private static final class PartThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "fleet-part-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /**
     * Every part's outcome, in walk order (deploy order; reverse deploy order for destroy).
     */
    public record Result(Action action, List<PartOutcome> outcomes) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }

        /** 0 when every selected part succeeded; 1 when one failed (and so others may have been skipped). */
        public int exitCode() {
            return outcomes.stream().anyMatch(o -> o.status() == Status.FAILED || o.status() == Status.SKIPPED) ? 1 : 0;
        }

        public PartOutcome outcome(String part) {
            return outcomes.stream().filter(o -> o.part().equals(part)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no part " + part));
        }

        public List<String> parts(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).map(PartOutcome::part).toList();
        }

        /** One row per part: name, status, duration and detail; then one line of totals. */
        public String table() {
            int nameWidth = Math.max("PART".length(), outcomes.stream().mapToInt(o -> o.part().length()).max().orElse(0));
            int statusWidth = "not selected".length();
            String format = "%-" + nameWidth + "s  %-" + statusWidth + "s  %8s  %s";
            StringBuilder out = new StringBuilder();
            out.append(String.format(java.util.Locale.ROOT, format, "PART", "STATUS", "DURATION", "DETAIL").stripTrailing()).append('\n');
            for (PartOutcome o : outcomes) {
                out.append(String.format(java.util.Locale.ROOT, format, o.part(), o.status().label(), o.durationText(), o.detail()).stripTrailing())
                        .append('\n');
            }
            Map<Status, Long> counts = new LinkedHashMap<>();
            for (Status status : Status.values()) {
                counts.put(status, outcomes.stream().filter(o -> o.status() == status).count());
            }
            List<String> totals = new ArrayList<>();
            counts.forEach((status, n) -> {
                if (n > 0 || status == Status.SUCCEEDED) {
                    totals.add(n + " " + status.label());
                }
            });
            out.append(action.verb()).append(": ").append(String.join(", ", totals)).append('\n');
            return out.toString();
        }
    }
}
