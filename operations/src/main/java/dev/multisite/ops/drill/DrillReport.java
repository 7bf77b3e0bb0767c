package dev.multisite.ops.drill;

import java.util.List;

/**
 * The measured outcome of one drill. Times are milliseconds since injection ({@code null} when
 * the event never happened within the drill's waits).
 *
 * @param detectionMillis            first time any resolver stopped returning the site
 * @param convergenceMillis          time from which no resolver returned the site
 * @param firstSurvivorSuccessMillis first successful request served by another site
 * @param clientErrorRate            failed requests / all requests between injection and convergence (what clients saw)
 * @param survivorErrorRate          of the requests surviving sites answered in that window, the share that failed
 * @param recoveryMillis             time from restore until every resolver returned the site again
 * @param passed                     converged within the budget and restored
 */
public record DrillReport(String site, String hostname, String injection, long budgetMillis,
                          long injectedAtMillis, Long restoredAtMillis, boolean restored, String restoreError,
                          Long detectionMillis, Long convergenceMillis, Long firstSurvivorSuccessMillis,
                          double clientErrorRate, double survivorErrorRate, int requestsInWindow, Long recoveryMillis, boolean passed,
                          List<Observation> timeline) {

    public String verdict() {
        if (!restored) {
            return "FAIL: the site was not restored (" + restoreError + "); restore it by hand now";
        }
        if (convergenceMillis == null) {
            return "FAIL: resolvers still returned " + site + " when the drill gave up";
        }
        return passed
                ? "PASS: converged in " + seconds(convergenceMillis) + " within the budget of " + seconds(budgetMillis)
                : "FAIL: converged in " + seconds(convergenceMillis) + ", over the budget of " + seconds(budgetMillis);
    }

    static String seconds(Long millis) {
        return millis == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
