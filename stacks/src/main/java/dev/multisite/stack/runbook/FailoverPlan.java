package dev.multisite.stack.runbook;

import dev.multisite.parts.PartGraph;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.DnsAuthority;
import dev.multisite.topology.FailoverBudget;
import dev.multisite.topology.FailoverStepKind;
import dev.multisite.topology.GitOpsSettings;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The executable plan for losing one site, from the same model and the same commands as the
 * runbooks ({@link OperatorCommands}, {@link FleetModeSteps}): steps in order, steps of one group
 * in parallel ({@link FailoverStepKind}), what each runs, and its expected time against the RTO;
 * then the way back.
 *
 * @param rtoSeconds the stack's {@code traffic.rtoSeconds} (null without a traffic block)
 */
public record FailoverPlan(String stack, String site, Integer rtoSeconds, List<Step> steps, List<Step> failback) {

    /**
     * @param expectedSeconds what the step should take; {@code basis} says where the number comes from
     * @param command         what to run (null: the step happens by itself)
     * @param target          the site the step acts on (the promoted replica's site, the new hub), or null
     */
    public record Step(int group, String kind, String action, String command, Integer expectedSeconds, String basis, String target) {
    }

    /**
     * Promotion and fencing take minutes on managed databases; these are estimates until `failover run`
     * measures them.
     */
    record DatabaseEstimates(int fenceSeconds, int promoteSeconds) {
        static DatabaseEstimates of(CloudProvider provider) {
            return switch (provider) {
                case AWS -> new DatabaseEstimates(10, 300);
                case GCP -> new DatabaseEstimates(120, 180);
                case AZURE -> new DatabaseEstimates(300, 300);
                case EXISTING -> new DatabaseEstimates(0, 0);
            };
        }
    }

    public static FailoverPlan of(String stack, Topology topology, SiteSpec lost) {
        var fleet = new FleetModeSteps(stack, topology);
        List<Step> steps = new ArrayList<>();
        List<Step> back = new ArrayList<>();
        var traffic = topology.traffic();
        String so = "pulumi stack output --stack " + stack;
        if (traffic != null) {
            var global = DnsAuthority.of(topology).global().backend();
            var budget = FailoverBudget.of(global, traffic);
            steps.add(new Step(FailoverStepKind.DETECT.group(), FailoverStepKind.DETECT.id(),
                    "the health checks of " + lost.name() + " fail from " + String.join(", ", traffic.healthCheck().regions()),
                    switch (global.kind()) {
                        case ROUTE53 -> "aws route53 get-health-check-status --health-check-id $(" + so + " healthChecks | jq -r '.\"" + lost.name() + "\"')";
                        case CLOUDFLARE -> null;
                        case CLOUDDNS -> "gcloud dns record-sets describe " + traffic.hostname()
                                + ". --type A --zone " + global.as(dev.multisite.topology.DnsBackend.CloudDnsBackend.class)
                                .map(gcp -> gcp.managedZone() + " --project " + gcp.project()).orElseThrow();
                    }, budget.detectionSeconds(), budget.intervalSeconds() + " s interval x " + budget.threshold() + " failures", null));
            steps.add(new Step(FailoverStepKind.DRAIN_DNS.group(), FailoverStepKind.DRAIN_DNS.id(),
                    "take " + lost.name() + " out of " + traffic.hostname() + " (" + RunbookFacts.label(global.kind()) + ")",
                    OperatorCommands.drain(stack, global, lost), budget.propagation() + budget.ttl(),
                    budget.propagation() + " s propagation + " + budget.ttl() + " s TTL", null));
            back.add(new Step(2, "undrain", "put " + lost.name() + " back in " + traffic.hostname() + " once its checks are healthy",
                    OperatorCommands.undrain(stack, global, lost), budget.intervalSeconds() * budget.threshold() + budget.propagation() + budget.ttl(),
                    "checks turn healthy after as many successes, then propagation + TTL", null));
        }
        back.add(0, new Step(1, "restore-site", "fix the cause, then reconcile " + lost.name(),
                "pulumi up --stack " + stack + "\n# fleet mode: " + fleet.command(fleet.site(lost)), null, "depends on the cause", lost.name()));
        DataSettings data = topology.data();
        if (data != null) {
            for (var partition : writeAuthorities(data)) {
                if (!partition.authority().equals(lost.name())) {
                    continue;
                }
                SiteSpec primary = lost;
                steps.add(new Step(FailoverStepKind.FENCE_PRIMARY.group(), FailoverStepKind.FENCE_PRIMARY.id(),
                        "fence " + lost.name() + "-db (partition " + partition.name() + ") so it takes no writes even if it returns",
                        OperatorCommands.fence(stack, primary), DatabaseEstimates.of(primary.provider()).fenceSeconds(), "estimate for " + primary.provider().key(), lost.name()));
                var target = replicaFor(topology, data, partition);
                if (target == null) {
                    steps.add(new Step(FailoverStepKind.PROMOTE_REPLICA.group(), FailoverStepKind.PROMOTE_REPLICA.id(),
                            "NO REPLICA of partition " + partition.name() + ": restore from backup or point-in-time recovery in a surviving site",
                            null, null, "no replica to promote", null));
                    continue;
                }
                String setting = data.mode() == DataSettings.Mode.PARTITIONED
                        ? "data.partitions[" + partition.name() + "].authority: " + target.name() : "data.promote: " + target.name();
                steps.add(new Step(FailoverStepKind.PROMOTE_REPLICA.group(), FailoverStepKind.PROMOTE_REPLICA.id(),
                        "promote " + target.name() + "-db, the replica of partition " + partition.name() + " (" + setting + ")",
                        OperatorCommands.promote(target), DatabaseEstimates.of(target.provider()).promoteSeconds(), "estimate for " + target.provider().key(), target.name()));
                steps.add(new Step(FailoverStepKind.REPOINT_DATA.group(), FailoverStepKind.REPOINT_DATA.id(),
                        "point MULTISITE_DB_WRITE_HOST of every site at " + target.name() + ": " + String.join(", ", topology.sites().stream()
                                .filter(s -> !s.equals(lost)).map(SiteSpec::name).toList()),
                        "pulumi up --stack " + stack + "\n# fleet mode: " + fleet.command(fleet.data()), 120, "estimate: one update of the data endpoints",
                        target.name()));
                back.add(new Step(3, "rebuild-replica", "make " + lost.name() + "-db a replica of " + target.name() + " again",
                        "pulumi up --stack " + stack + "\n# fleet mode: " + fleet.command(fleet.data()), null, "a new replica's initial copy", lost.name()));
            }
        }
        var gitops = topology.gitops();
        if (gitops != null && gitops.argocd().mode() == GitOpsSettings.Mode.HUB && lost.name().equals(gitops.argocd().hubSite())) {
            var newHub = topology.sites().stream().filter(s -> !s.equals(lost)).max(java.util.Comparator.comparingInt(SiteSpec::capacity)).orElseThrow();
            steps.add(new Step(FailoverStepKind.MOVE_HUB.group(), FailoverStepKind.MOVE_HUB.id(),
                    "move the Argo CD hub to " + newHub.name() + " (gitops.argocd.hubSite: " + newHub.name() + ")",
                    "pulumi up --stack " + stack + "\n# fleet mode: ./multisite fleet up --stack " + stack + " --only " + PartGraph.GITOPS,
                    300, "estimate: Argo CD install and first sync", newHub.name()));
        }
        steps.add(new Step(FailoverStepKind.VERIFY.group(), FailoverStepKind.VERIFY.id(),
                "no resolver returns " + lost.name() + "; writes succeed from two sites; the survivors' checks are healthy",
                traffic == null ? so + " databasePrimaries" : "for r in 8.8.8.8 1.1.1.1 9.9.9.9; do dig +short " + traffic.hostname() + " @$r; done\n"
                        + so + " databasePrimaries", traffic == null ? null : traffic.ttlSeconds(), "one TTL of watching", null));
        steps.sort(java.util.Comparator.comparingInt(Step::group));
        return new FailoverPlan(stack, lost.name(), traffic == null ? null : traffic.rtoSeconds(), List.copyOf(steps), List.copyOf(back));
    }

    /** Each partition (or the one primary) and the site holding its writes. */
    static List<DataSettings.Partition> writeAuthorities(DataSettings data) {
        if (data.mode() == DataSettings.Mode.PARTITIONED) {
            return data.partitions();
        }
        String primary = data.promote() != null ? data.promote() : data.primary();
        return List.of(new DataSettings.Partition("all", primary, data.replicas().all() ? List.of() : data.replicas().sites()));
    }

    /** The replica to promote: as the database runbook picks it (same provider, largest capacity; partitions: their first replica). */
    static SiteSpec replicaFor(Topology topology, DataSettings data, DataSettings.Partition partition) {
        SiteSpec primary = topology.site(partition.authority()).orElseThrow();
        if (data.mode() == DataSettings.Mode.PARTITIONED) {
            return partition.replicas().stream().map(r -> topology.site(r).orElseThrow()).filter(s -> !s.equals(primary)).findFirst().orElse(null);
        }
        return topology.sites().stream()
                .filter(s -> !s.equals(primary) && s.provider() == primary.provider() && (data.replicas().all() || data.replicas().sites().contains(s.name())))
                .max(java.util.Comparator.comparingInt(SiteSpec::capacity)).orElse(null);
    }

    /** Expected time of the whole plan: per group its slowest step, summed. */
    public int expectedSeconds() {
        return steps.stream().collect(java.util.stream.Collectors.groupingBy(Step::group,
                java.util.stream.Collectors.summingInt(s -> 0))).keySet().stream()
                .mapToInt(g -> steps.stream().filter(s -> s.group() == g && s.expectedSeconds() != null).mapToInt(Step::expectedSeconds).max().orElse(0))
                .sum();
    }

    /** Expected time until clients are no longer sent to the site (detect + drain), the part the RTO budgets. */
    public int expectedDnsSeconds() {
        return steps.stream().filter(s -> s.kind().equals(FailoverStepKind.DETECT.id()) || s.kind().equals(FailoverStepKind.DRAIN_DNS.id()))
                .mapToInt(s -> s.expectedSeconds() == null ? 0 : s.expectedSeconds()).sum();
    }

    public String markdown() {
        var md = new Markdown().h1("Failover plan: losing `" + site + "` (stack " + stack + ")");
        md.p(rtoSeconds == null ? "No traffic block: no RTO declared." : String.format(Locale.ROOT,
                "RTO %d s. Clients off the site: %d s expected (%s). Whole plan: %d s expected.", rtoSeconds, expectedDnsSeconds(),
                expectedDnsSeconds() <= rtoSeconds ? "within the RTO" : "OVER the RTO", expectedSeconds()));
        table(md, steps);
        md.h2("Failback");
        table(md, failback);
        return md.toString();
    }

    private static void table(Markdown md, List<Step> steps) {
        md.table(List.of("group", "step", "action", "expected", "command"), steps.stream().map(s -> List.of(String.valueOf(s.group()), s.kind(), s.action(),
                s.expectedSeconds() == null ? "n/a" : s.expectedSeconds() + " s (" + s.basis() + ")",
                s.command() == null ? "(by itself)" : "`" + s.command().replace("\n", "` `").replace("|", "\\|") + "`")).toList());
    }
}
