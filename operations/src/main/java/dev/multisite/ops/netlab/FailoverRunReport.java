package dev.multisite.ops.netlab;

import java.util.List;
import java.util.Locale;

/**
 * The measured outcome of a failover run in the lab: every time is milliseconds after the fault.
 *
 * @param budgetMillis           the DNS failover budget (detection + propagation + TTL), also the RTO writes are held to
 * @param rpoMillis              the data tier's RPO
 * @param detectionMillis        the health checks took the site out of the authority's answer
 * @param writesResumedMillis    first commit acknowledged by the promoted replica
 * @param commitsAcknowledged    commits the old primary acknowledged
 * @param commitsLost            of those, the ones the promoted replica does not hold (RPO, counted)
 * @param lostWindowMillis       from the first lost commit to the fault (0 when none was lost)
 * @param writeErrors            failed write attempts the client saw after the fault
 * @param writeFailures          those attempts, with what the client saw
 */
public record FailoverRunReport(String lostSite, String fault, String newPrimary, long budgetMillis, long rpoMillis, int zoneTtlSeconds,
                                Long detectionMillis, Long writesResumedMillis, int commitsAcknowledged, int commitsLost,
                                long lostWindowMillis, int writeErrors, List<StepResult> steps, List<FlavourResult> flavours,
                                List<ResolverSample> samples, List<CommitWriter.Commit> commits, List<CommitWriter.Failure> writeFailures,
                                List<LabEvent> events, long faultAtMillis) {

    public boolean writesWithinBudget() {
        return writesResumedMillis != null && writesResumedMillis <= budgetMillis;
    }

    public boolean lossWithinRpo() {
        return lostWindowMillis <= rpoMillis;
    }

    public boolean stepsOk() {
        return steps.stream().allMatch(StepResult::ok);
    }

    public boolean passed() {
        return stepsOk() && writesWithinBudget() && lossWithinRpo() && flavours.stream().allMatch(FlavourResult::withinBudget);
    }

    /** One line per failed check, first thing in every report. */
    public List<String> failedChecks() {
        List<String> out = new java.util.ArrayList<>();
        steps.stream().filter(s -> !s.ok()).forEach(s -> out.add("step " + s.id() + " failed: " + s.error()));
        if (!writesWithinBudget()) {
            out.add(writesResumedMillis == null ? "writes never succeeded on " + newPrimary
                    : "writes resumed after " + seconds(writesResumedMillis) + ", over the budget of " + seconds(budgetMillis));
        }
        if (!lossWithinRpo()) {
            out.add(commitsLost + " acknowledged commits lost over " + seconds(lostWindowMillis) + ", over the RPO of " + seconds(rpoMillis));
        }
        flavours.stream().filter(f -> !f.withinBudget()).forEach(f -> out.add(f.label() + ": " + f.why()));
        return out;
    }

    public String verdict() {
        return passed() ? "PASS: " + lostSite + " failed over within the budget of " + seconds(budgetMillis) + ", " + commitsLost + " commits lost"
                : "FAIL: " + String.join("; ", failedChecks());
    }

    static String seconds(Long millis) {
        return millis == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
