package dev.multisite.ops.drill;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs one failover drill: observe a baseline, inject the failure, sample every observer until no
 * resolver returns the site (or the wait runs out), restore, and sample until the site is back.
 * Restore always runs: after an error, and on Ctrl-C through a shutdown hook.
 */
public final class Drill {
    private final DrillSpec spec;
    private final PrintWriter progress;
    private final List<Observation> timeline = new ArrayList<>();
    private final AtomicBoolean restoreDone = new AtomicBoolean(false);
    private long start;

    public Drill(DrillSpec spec, PrintWriter progress) {
        this.spec = spec;
        this.progress = progress;
    }

    public DrillReport run() throws InterruptedException {
        start = System.currentTimeMillis();
        Thread hook = new Thread(this::restoreOnce, "drill-restore-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        Long restoredAt = null;
        String restoreError = null;
        long injectedAt = -1;
        try {
            say("drill: " + spec.injector().describe() + "; budget " + DrillReport.seconds(spec.budget().toMillis()));
            sampleFor(spec.baseline().toMillis(), () -> false);
            injectedAt = now();
            say("inject at +" + DrillReport.seconds(injectedAt));
            spec.injector().inject();
            long deadline = now() + spec.maxWait().toMillis();
            sampleFor(deadline - now(), this::converged);
        } catch (Exception e) {
            say("drill error: " + e.getMessage() + "; restoring");
            if (injectedAt < 0) {
                injectedAt = now();
            }
            restoreError = "drill error before restore: " + e.getMessage();
        } finally {
            String error = restoreOnce();
            restoredAt = now();
            if (error != null) {
                restoreError = error;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Already exiting: the hook is running or ran.
            }
        }
        boolean restored = restoreError == null || !restoreError.startsWith("restore failed");
        say("restored at +" + DrillReport.seconds(restoredAt));
        long restoreMark = restoredAt;
        sampleFor(spec.recoveryWait().toMillis(), () -> recovered(restoreMark));
        var report = DrillMetrics.measure(spec, injectedAt, restoredAt, restored, restoreError, timeline);
        say(report.verdict());
        return report;
    }

    /** Restores once, whoever calls first (the drill or the shutdown hook); returns an error message or null. */
    private String restoreOnce() {
        if (!restoreDone.compareAndSet(false, true)) {
            return null;
        }
        try {
            spec.injector().restore();
            return null;
        } catch (Exception e) {
            return "restore failed: " + e.getMessage();
        }
    }

    private boolean converged() {
        List<Observation> latest = latestDns();
        return !latest.isEmpty() && latest.stream().allMatch(o -> o.ok() && !o.sites().contains(spec.site()));
    }

    private boolean recovered(long since) {
        List<Observation> latest = latestDns();
        return latest.stream().allMatch(o -> o.atMillis() >= since && o.sites().contains(spec.site()));
    }

    private List<Observation> latestDns() {
        return spec.observers().stream().filter(o -> o.kind() == Observation.Kind.DNS)
                .map(o -> timeline.stream().filter(t -> t.observer().equals(o.name())).reduce((a, b) -> b).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
    }

    private void sampleFor(long millis, java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = now() + millis;
        while (now() < until) {
            long round = now();
            List<Observation> sample = spec.observers().stream().map(o -> o.observe(now())).toList();
            timeline.addAll(sample);
            say(String.format("  +%6.1fs %s", round / 1000.0, sample.stream()
                    .map(o -> o.observer() + "=" + (o.kind() == Observation.Kind.DNS ? o.sites() : o.detail()))
                    .collect(Collectors.joining(" "))));
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(Math.max(0, spec.sampleEvery().toMillis() - (now() - round)));
        }
    }

    private long now() {
        return System.currentTimeMillis() - start;
    }

    private void say(String line) {
        progress.println(line);
        progress.flush();
    }
}
