package dev.multisite.topology;

/**
 * The steps of losing a site, in order; steps of the same {@link #group()} run in parallel. The
 * executable plan ({@code failover plan}), the lab's run and the cloud run all use these, so the
 * order is stated once: nothing is promoted before the old primary is fenced (two writable
 * primaries is split brain), and nothing is repointed before the promotion.
 */
public enum FailoverStepKind {
    /** The health checks take the site out of the global name by themselves. */
    DETECT(1, "detect: the health checks take the site out of the global name"),
    /** The drain switch keeps it out even if its checks flap back. */
    DRAIN_DNS(2, "drain the site from DNS"),
    /** The old primary can take no writes, even if it comes back. */
    FENCE_PRIMARY(2, "fence the site's primary"),
    PROMOTE_REPLICA(3, "promote the partition's replica"),
    REPOINT_DATA(4, "repoint the data endpoints of every site"),
    MOVE_HUB(4, "move the GitOps hub"),
    VERIFY(5, "verify: no resolver returns the site, writes succeed on the new primary");

    private final int group;
    private final String action;

    FailoverStepKind(int group, String action) {
        this.group = group;
        this.action = action;
    }

    public int group() {
        return group;
    }

    public String action() {
        return action;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
