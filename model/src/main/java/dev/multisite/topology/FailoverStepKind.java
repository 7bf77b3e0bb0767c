package dev.multisite.topology;

/**
 * The steps of losing a site, in order; steps of the same {@link #group()} run in parallel. The
 * executable plan ({@code failover plan}), the lab's run and the cloud run all use these, so the
 * order is stated once: nothing is promoted before the old primary is fenced (two writable
 * primaries is split brain), and nothing is repointed before the promotion.
 */
public enum FailoverStepKind {
    /** The health checks take the site out of the global name by themselves. */
    DETECT("detect: the health checks take the site out of the global name"),
    /** The drain switch keeps it out even if its checks flap back. */
    DRAIN_DNS("drain the site from DNS"),
    /** The old primary can take no writes, even if it comes back. */
    FENCE_PRIMARY("fence the site's primary"),
    PROMOTE_REPLICA("promote the partition's replica"),
    REPOINT_DATA("repoint the data endpoints of every site"),
    MOVE_HUB("move the GitOps hub"),
    VERIFY("verify: no resolver returns the site, writes succeed on the new primary");

    private final String action;

    FailoverStepKind(String action) {
        this.action = action;
    }

    /** The step's place in the order; the steps of one group run in parallel. */
    public int group() {
        return switch (this) {
            case DETECT -> 1;
            case DRAIN_DNS, FENCE_PRIMARY -> 2;
            case PROMOTE_REPLICA -> 3;
            case REPOINT_DATA, MOVE_HUB -> 4;
            case VERIFY -> 5;
        };
    }

    public String action() {
        return action;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
