package dev.multisite.ops.netlab;

import dev.multisite.topology.FailoverStepKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes the failover of one lab site, step by step ({@link FailoverStepKind}), while clients
 * query every resolver and a writer commits continuously, and measures it: detection, time until
 * no resolver returns the site (per resolver flavour), time until writes succeed on the promoted
 * replica, commits lost, and errors clients saw.
 */
public final class LabFailoverRun {
    /** The faults a run can start from. */
    public enum Fault { CUT_LINK, KILLED_APP, STOPPED_DATABASE }

    private final NetLab lab;
    private final String site;
    private final Fault fault;
    private final List<ResolverSample> samples = java.util.Collections.synchronizedList(new ArrayList<>());

    public LabFailoverRun(NetLab lab, String site, Fault fault) {
        this.lab = lab;
        this.site = lab.config().siteNames().contains(site) ? site
                : failBadSite(site, lab.config().siteNames());
        this.fault = fault;
    }

    private static String failBadSite(String site, List<String> sites) {
        throw new IllegalArgumentException("--site: no lab site '" + site + "'; the lab has " + String.join(", ", sites));
    }

    public FailoverRunReport run() throws IOException, InterruptedException {
        var config = lab.config();
        long budget = config.budget().toMillis();
        boolean holdsPrimary = site.equals(config.primarySite());
        String newPrimary = holdsPrimary ? config.replicaSite() : config.primarySite();
        var sampling = new AtomicBoolean(true);
        Thread sampler = startSampling(sampling);
        List<StepResult> steps = new ArrayList<>();
        long faultAt;
        try (var writer = new CommitWriter(lab)) {
            Thread.sleep(2 * config.checkInterval().toMillis());
            faultAt = lab.now();
            switch (fault) {
                case CUT_LINK -> lab.cutLink(site);
                case KILLED_APP -> lab.killApp(site);
                case STOPPED_DATABASE -> lab.stopDatabase(site);
            }
            long expectedDetect = config.detection().plus(config.checkInterval()).toMillis();
            steps.add(step(faultAt, FailoverStepKind.DETECT, "wait for the checks to take " + site + " out (Route 53 semantics)",
                    expectedDetect, budget * 2, null, () -> waitFor(budget * 2, () -> !lab.health().healthy().contains(site))));
            // Group 2, in parallel: drain and fence.
            var drain = CompletableFuture.supplyAsync(() -> step(faultAt, FailoverStepKind.DRAIN_DNS, "set the drain switch of " + site,
                    100, budget, null, () -> lab.health().drain(site)));
            var fence = CompletableFuture.supplyAsync(() -> step(faultAt, FailoverStepKind.FENCE_PRIMARY,
                    "stop PostgreSQL in " + site + " (immediate shutdown)", 2000, budget,
                    holdsPrimary ? null : site + " holds no primary", () -> lab.database().stop(site)));
            steps.add(drain.join());
            steps.add(fence.join());
            boolean fenced = steps.get(steps.size() - 1).ok();
            steps.add(step(faultAt, FailoverStepKind.PROMOTE_REPLICA, "pg_ctl promote in " + newPrimary, 3000, budget,
                    !holdsPrimary ? site + " holds no primary" : !fenced ? "not promoted: the old primary is not fenced" : null,
                    () -> lab.database().promote(newPrimary)));
            steps.add(step(faultAt, FailoverStepKind.REPOINT_DATA, NetLabConfig.DATA_ENDPOINT + " -> " + newPrimary, 500, budget,
                    holdsPrimary ? null : site + " holds no primary",
                    () -> lab.authority().replace(NetLabConfig.DATA_ENDPOINT, List.of(lab.siteAddress(newPrimary)))));
            steps.add(step(faultAt, FailoverStepKind.MOVE_HUB, "move the GitOps hub", 0, 0, "the lab runs no GitOps hub", () -> { }));
            long verifyUntil = faultAt + budget * 2;
            steps.add(step(faultAt, FailoverStepKind.VERIFY, "no resolver returns " + site + "; a write succeeds on " + newPrimary,
                    budget, budget * 2, null, () -> {
                        waitFor(Math.max(0, verifyUntil - lab.now()), () -> writesOn(writer, newPrimary, faultAt) && !anyReturns(site));
                        if (!writesOn(writer, newPrimary, faultAt)) {
                            throw new IOException("no write succeeded on " + newPrimary);
                        }
                    }));
            // Hold the clients past the budget: a flavour that looks converged must stay so, and one over budget is seen over it.
            Thread.sleep(Math.max(config.checkInterval().toMillis(), faultAt + budget + config.checkInterval().toMillis() - lab.now()));
            sampling.set(false);
            sampler.join(5000);
            writer.close();
            return measure(faultAt, newPrimary, steps, writer);
        } finally {
            sampling.set(false);
        }
    }

    private FailoverRunReport measure(long faultAt, String newPrimary, List<StepResult> steps, CommitWriter writer) throws IOException {
        var config = lab.config();
        long budget = config.budget().toMillis();
        List<ResolverSample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        List<FlavourResult> flavours = new ArrayList<>();
        for (ResolverFlavour flavour : config.flavours()) {
            List<ResolverSample> after = all.stream().filter(s -> s.flavour() == flavour && s.atMillis() >= faultAt).toList();
            Long detection = after.stream().filter(s -> s.ok() && !s.sites().contains(site)).map(s -> s.atMillis() - faultAt).findFirst().orElse(null);
            Long convergence = null;
            for (ResolverSample s : after) {
                if (s.ok() && !s.sites().contains(site)) {
                    if (convergence == null) {
                        convergence = s.atMillis() - faultAt;
                    }
                } else if (s.ok()) {
                    convergence = null;
                }
            }
            long maxTtl = all.stream().filter(s -> s.flavour() == flavour).mapToLong(ResolverSample::ttl).max().orElse(-1);
            int errors = (int) after.stream().filter(s -> !s.ok()).count();
            boolean within = convergence != null && convergence <= budget;
            String why = within ? null : (convergence == null ? "still returned " + site + " " + FailoverRunReport.seconds(after.isEmpty() ? 0
                    : after.get(after.size() - 1).atMillis() - faultAt) + " after the fault" : "converged after " + FailoverRunReport.seconds(convergence))
                    + ", over the budget of " + FailoverRunReport.seconds(budget) + (maxTtl > config.ttlSeconds()
                    ? ": it handed out the answer with a TTL of " + maxTtl + " s while the zone's TTL is " + config.ttlSeconds() + " s"
                    + flavour.whyTtlIsLonger()
                    : "");
            flavours.add(new FlavourResult(flavour, flavour.label(), detection, convergence, maxTtl, errors, after.size(), within, why));
        }
        List<CommitWriter.Commit> commits = writer.acknowledged();
        List<CommitWriter.Commit> onOld = commits.stream().filter(c -> !c.site().equals(newPrimary)).toList();
        List<Long> held;
        try {
            held = lab.database().present(newPrimary, onOld.stream().map(CommitWriter.Commit::id).toList());
        } catch (java.sql.SQLException e) {
            throw new IOException("could not count the commits " + newPrimary + " holds: " + e.getMessage());
        }
        List<CommitWriter.Commit> lost = onOld.stream().filter(c -> !held.contains(c.id())).toList();
        Long resumed = commits.stream().filter(c -> c.site().equals(newPrimary) && c.atMillis() >= faultAt)
                .map(c -> c.atMillis() - faultAt).findFirst().orElse(null);
        long lostWindow = lost.isEmpty() ? 0 : Math.max(0, faultAt - lost.get(0).atMillis());
        var failures = writer.failures().stream().filter(f -> f.atMillis() >= faultAt).toList();
        Long detection = steps.stream().filter(s -> s.id().equals(FailoverStepKind.DETECT.id()) && s.ok()).map(StepResult::endMillis)
                .findFirst().orElse(null);
        return new FailoverRunReport(site, describe(), newPrimary, budget, config.rpoSeconds() * 1000L, config.ttlSeconds(), detection, resumed,
                onOld.size(), lost.size(), lostWindow, failures.size(), steps, flavours, all, commits, failures,
                lab.events(), faultAt);
    }

    private String describe() {
        return switch (fault) {
            case CUT_LINK -> "cut the link of " + site;
            case KILLED_APP -> "killed the health app of " + site;
            case STOPPED_DATABASE -> "stopped the database in " + site;
        };
    }

    private boolean writesOn(CommitWriter writer, String target, long since) {
        return writer.acknowledged().stream().anyMatch(c -> c.site().equals(target) && c.atMillis() >= since);
    }

    /** Whether the latest answer of any resolver with default settings (the ones the budget holds to) still holds the site. */
    private boolean anyReturns(String lost) {
        synchronized (samples) {
            for (ResolverFlavour f : lab.config().flavours()) {
                if (f.raisesTtl()) {
                    continue;
                }
                var latest = samples.stream().filter(s -> s.flavour() == f && s.ok()).reduce((a, b) -> b);
                if (latest.isEmpty() || latest.get().sites().contains(lost)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Thread startSampling(AtomicBoolean running) throws IOException {
        List<ResolverProbe> probes = new ArrayList<>();
        for (Map.Entry<ResolverFlavour, String> r : lab.resolvers().entrySet()) {
            probes.add(new ResolverProbe(r.getKey(), r.getValue(), lab));
        }
        probes.sort(java.util.Comparator.comparing(p -> p.flavour().ordinal()));
        Thread t = new Thread(() -> {
            while (running.get()) {
                long round = lab.now();
                probes.forEach(p -> samples.add(p.sample()));
                try {
                    Thread.sleep(Math.max(0, 200 - (lab.now() - round)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lab-clients");
        t.setDaemon(true);
        t.start();
        return t;
    }

    interface Action {
        void run() throws Exception;
    }

    private StepResult step(long faultAt, FailoverStepKind kind, String action, long expected, long limit, String skipped, Action body) {
        long start = lab.now() - faultAt;
        if (skipped != null) {
            lab.event("step " + kind.id() + ": skipped (" + skipped + ")");
            return new StepResult(kind.group(), kind.id(), action, start, start, expected, skipped, null);
        }
        lab.event("step " + kind.id() + ": " + action);
        String error = null;
        try {
            body.run();
        } catch (Exception e) {
            error = e.getMessage();
            lab.event("step " + kind.id() + " failed: " + error);
        }
        return new StepResult(kind.group(), kind.id(), action, start, lab.now() - faultAt, expected, null, error);
    }

    private void waitFor(long millis, java.util.function.BooleanSupplier done) throws IOException {
        Waits.until("step", java.time.Duration.ofMillis(Math.max(1, millis)), done);
    }
}
