package dev.multisite.ops.netlab;

/**
 * What clients behind one resolver flavour saw (ms after the fault).
 *
 * @param detectionMillis   first answer without the lost site
 * @param convergenceMillis from then on no answer held the lost site (null: still held when the run stopped waiting)
 * @param maxTtl            the longest TTL the resolver handed out for the global name
 * @param errors            failed queries (SERVFAIL, timeouts) after the fault
 * @param why               for a flavour over budget, the reason, from what was measured
 */
public record FlavourResult(ResolverFlavour flavour, String label, Long detectionMillis, Long convergenceMillis, long maxTtl,
                            int errors, int samples, boolean withinBudget, String why) {
}
