package dev.multisite.stack.runbook;

import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;

/** "Database primary failure": which replica to promote, how, the fence step, the repoint. */
final class DatabaseRunbook {
    private DatabaseRunbook() {
    }

    static String render(Topology topology, RunbookFacts facts) {
        var fleet = new FleetModeSteps(facts.stackName(), topology);
        var md = new Markdown().h1("Database primary failure");
        DataSettings data = topology.data();
        if (data == null) {
            return md.p("This stack declares no data tier (no `data` block in `multisite:topology`), so there is no primary to fail over. "
                    + "Add one to get a promotion procedure here.").toString();
        }
        if (data.mode() == DataSettings.Mode.PARTITIONED) {
            md.p("This stack is partitioned: each partition's writes go to one authority site. A failed authority takes only its "
                    + "partition's writes down; the other partitions keep writing. Per partition:");
            md.table(List.of("partition", "authority (write primary)", "replicas"), data.partitions().stream()
                    .map(p -> List.of(p.name(), p.authority(), p.replicas().isEmpty() ? "none" : String.join(", ", p.replicas()))).toList());
            md.p("To move a partition's authority: fence the failed authority (below), change `data.partitions[<name>].authority` to a "
                    + "site holding a replica of it, and run `pulumi up --stack " + facts.stackName() + "`. "
                    + fleet.sentence(fleet.data()));
            fence(md, facts, topology.site(data.partitions().get(0).authority()).orElseThrow());
            return sources(md, topology).toString();
        }
        SiteSpec primary = topology.site(data.primary()).orElseThrow();
        List<SiteSpec> candidates = topology.sites().stream()
                .filter(s -> !s.equals(primary) && s.provider() == primary.provider()
                        && (data.replicas().all() || data.replicas().sites().contains(s.name())))
                .sorted((a, b) -> Integer.compare(b.capacity(), a.capacity())).toList();
        md.p("Write primary: `" + primary.name() + "-db` in " + primary.name() + " (" + primary.provider().key() + ", " + primary.region()
                + "). Every site reads from its local replica or, across providers, from the primary over the interconnect, and "
                + "writes to the primary. RPO objective: " + data.rpoSeconds() + " s of asynchronous replication lag.");
        md.h2("1. Confirm the failure");
        md.bullet("Every site's health app reports the database dependency failing; the provider's console shows the instance unavailable.");
        md.bullet("Check the replica lag you are about to accept (it is the data you may lose): "
                + (primary.provider() == CloudProvider.AWS ? "CloudWatch `ReplicaLag` of the replica." : "the provider's replication lag metric."));
        md.blank();
        if (candidates.isEmpty()) {
            md.h2("2. No replica to promote");
            md.p("No " + primary.provider().key() + " site holds a replica of `" + primary.name() + "-db`; restore from the latest backup "
                    + "or point-in-time recovery in a surviving region instead, then set `data.primary` to that site.");
            return sources(md, topology).toString();
        }
        SiteSpec target = candidates.get(0);
        md.h2("2. Fence the old primary before anything else");
        fence(md, facts, primary);
        md.h2("3. Promote `" + target.name() + "-db` (the largest surviving replica site)");
        md.p("Either let Pulumi do it (preferred, it also repoints every site), or promote by hand if Pulumi cannot reach the cloud:");
        var graph = facts.interconnect();
        var cut = graph.cutOffWithout(primary.name());
        if (cut.contains(target.name())) {
            md.p("**Interconnect first (waived shared fate):** losing `" + primary.name() + "`'s region cuts `" + target.name() + "` off "
                    + "from " + "the other sites, which could not reach the new primary. In the same change, make `" + target.name()
                    + "` a hub (`network.interconnect.hubs." + primary.provider().key() + ": [" + target.name() + "]`); `pulumi up` then "
                    + "builds its gateways and tunnels (the on-prem devices need the new tunnel settings from `onPremVpn`). If the old "
                    + "region's API is down too, add `--target` for `" + target.name() + "-network` and the promotion, and clean up once the region is back.");
        } else if (!graph.links().isEmpty()) {
            md.p("**Write path meanwhile:** writes fail until the promotion; reads continue from the replicas. The network needs no change: "
                    + "losing `" + primary.name() + "`'s region cuts no other site off, so every surviving site already has a private path to `"
                    + target.name() + "` (the routes move to the second hub by themselves; see the site-down runbook).");
        }
        md.code("yaml", "# stacks/Pulumi." + facts.stackName() + ".yaml, under multisite:topology.data\npromote: " + target.name());
        md.code("bash", "pulumi up --stack " + facts.stackName() + "\n# fleet mode instead: " + fleet.command(fleet.data())
                + (cut.contains(target.name()) ? "  # plus the interconnect parts first: " + fleet.command(fleet.interconnect()) : "")
                + "\n# by hand, first:\n" + OperatorCommands.promote(target) );
        md.p("`pulumi up` makes `" + target.name() + "-db` the primary (for RDS the replica loses its source), points "
                + "`MULTISITE_DB_WRITE_HOST` in every site's `multisite-data` ConfigMap at it, and keeps `" + primary.name()
                + "-db` (protected, tagged `retired-primary`) for you to inspect and retire.");
        md.h2("4. Verify");
        md.bullet("`pulumi stack output --stack " + facts.stackName() + " databasePrimaries` shows `" + target.name() + "` (fleet mode: `--stack "
                + fleet.stackOf(dev.multisite.parts.PartGraph.DATA) + "`).");
        md.bullet("In every site: `kubectl -n multisite-system get configmap multisite-data -o jsonpath='{.data.MULTISITE_DB_WRITE_HOST}'`.");
        md.bullet("Writes succeed from two different sites; the health apps are green again.");
        if (candidates.size() > 1) {
            md.p("Other candidates, in order: " + String.join(", ", candidates.subList(1, candidates.size()).stream().map(SiteSpec::name).toList()) + ".");
        }
        replicationPaths(md, graph, primary, candidates);
        return sources(md, topology).toString();
    }

    /** Whether each replica's replication path from the primary survives the loss of any other site's region. */
    private static void replicationPaths(Markdown md, InterconnectGraph graph, SiteSpec primary, List<SiteSpec> replicas) {
        if (graph.links().isEmpty()) {
            return;
        }
        md.h2("Replication paths");
        md.table(List.of("replica", "path from the primary", "losing one of these sites cuts it"), replicas.stream().map(r -> List.of(
                r.name(),
                graph.path(primary.name(), r.name()).map(p -> String.join(" → ", p.stream().map(InterconnectGraph.Link::name).toList())).orElse("none"),
                graph.lossesCutting(primary.name(), r.name()).isEmpty() ? "none" : String.join(", ", graph.lossesCutting(primary.name(), r.name()))))
                .toList());
    }

    /** Per cloud that hosts an instance: the upstream documents its setup follows and what is not verified. */
    private static Markdown sources(Markdown md, Topology topology) {
        md.h2("Sources and limits");
        topology.sites().stream().map(SiteSpec::provider).filter(p -> p != CloudProvider.EXISTING).distinct()
                .forEach(p -> UpstreamSources.append(md, "The data tier", p, UpstreamSources.database(p)));
        return md;
    }

    private static Markdown fence(Markdown md, RunbookFacts facts, SiteSpec primary) {
        md.p("Two writable primaries is split brain. Before promoting, make sure `" + primary.name() + "-db` can take no writes even if it comes back:");
        md.code("bash", OperatorCommands.fence(facts.stackName(), primary));
        return md;
    }

}
