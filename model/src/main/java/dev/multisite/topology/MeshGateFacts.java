package dev.multisite.topology;

/**
 * The mesh gate's facts, shared by the component that builds it, the policy that checks the
 * ApplicationSets wait for it and the runbooks: a Job per site running the pinned Cilium CLI's
 * {@code cilium clustermesh status --wait --wait-duration <bound>} (docs.cilium.io cmdref
 * "cilium clustermesh status": {@code --wait} waits until the status is successful,
 * {@code --wait-duration} bounds it, default 15m).
 */
public final class MeshGateFacts {
    private MeshGateFacts() {
    }

    /** The Cilium CLI image the gate runs (cilium/cilium-cli stable release v0.18.9, PR #3149). */
    public static final String IMAGE = "quay.io/cilium/cilium-cli:v0.18.9";
    /** The Job's name in the site's Cilium namespace. */
    public static final String JOB_NAME = "multisite-mesh-gate";
    /** The label that marks a gate Job (value: the site), so rules and runbooks find it. */
    public static final String SITE_LABEL = "multisite/mesh-gate";
    /** How long the CLI waits for every remote cluster to be connected. */
    public static final int WAIT_SECONDS = 600;
    /**
     * The Job's own deadline ({@code activeDeadlineSeconds}): the wait plus room for the image pull,
     * so a stuck pod still ends the Job as Failed.
     */
    public static final int DEADLINE_SECONDS = WAIT_SECONDS + 300;
    /**
     * How long Pulumi awaits the Job (the kubernetes provider awaits a Job until its Complete
     * condition, fails at once on Failed, and times out after 10 minutes unless customTimeouts say
     * otherwise: pulumi-kubernetes batch/v1 Job docs). Above the Job's deadline, so the Job's own
     * failure, which names the site's Job, is what an {@code up} reports.
     */
    public static final int AWAIT_SECONDS = DEADLINE_SECONDS + 120;

    /** The command the gate runs. */
    public static java.util.List<String> command() {
        return java.util.List.of("cilium", "clustermesh", "status", "--wait", "--wait-duration", WAIT_SECONDS + "s");
    }
}
