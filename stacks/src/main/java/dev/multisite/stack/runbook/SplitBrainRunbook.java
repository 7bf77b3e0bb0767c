package dev.multisite.stack.runbook;

import dev.multisite.topology.DataSettings;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.List;

/** "Split brain": who is authoritative for what, what cut-off sites do, how writes reconcile. */
final class SplitBrainRunbook {
    private SplitBrainRunbook() {
    }

    static String render(Topology topology, RunbookFacts facts) {
        var md = new Markdown().h1("Split brain / network partition");
        md.p("A partition cuts the sites into groups that cannot reach each other (the interconnect or the mesh between providers "
                + "fails) while each group still looks healthy to its own users.");
        DataSettings data = topology.data();
        md.h2("1. Who is authoritative");
        if (data == null) {
            md.p("No data tier is declared: sites hold no shared state in Multisite. Applications that keep state must bring "
                    + "their own authority rule.");
        } else if (data.mode() == DataSettings.Mode.PARTITIONED) {
            md.table(List.of("partition", "authoritative site", "why"), data.partitions().stream()
                    .map(p -> List.of(p.name(), p.authority(), "the only write primary of the partition (data.partitions)")).toList());
        } else {
            SiteSpec primary = topology.site(data.primary()).orElseThrow();
            md.p("All writes are authoritative at `" + primary.name() + "` (" + primary.provider().key() + ", " + primary.region()
                    + "): it holds the only write primary, by construction (the parser and the `one-write-primary-per-partition` policy "
                    + "allow no second one). Replicas never accept writes.");
        }
        if (topology.traffic() != null) {
            var authority = dev.multisite.topology.DnsAuthority.of(topology);
            md.p("DNS: every name lives in exactly one backend, the one authoritative for its zone; no other backend holds a copy "
                    + "that could answer differently (checked when the topology is parsed).");
            md.table(List.of("name", "written by", "authoritative backend (zone)"), authority.names().stream().map(n -> List.of("`" + n.fqdn() + "`",
                    n.site() == null ? "the stack (" + n.purpose() + ")" : "ExternalDNS of " + n.site() + " (" + n.purpose() + ")",
                    n.zone().kind() + " (" + n.zone().name() + ")")).toList());
            authority.delegation().ifPresent(d -> md.p("`" + d.child().name() + "` is delegated from " + d.parent().kind() + " (`" + d.parent().name()
                    + "`) to " + d.child().kind() + " by NS records the stack creates; check them with `dig NS " + d.child().name() + "`."));
            md.p("Sources: RFC 1034 section 4.2 (a zone's authority ends at its delegations); AWS Route 53 \"NS and SOA records that "
                    + "Route 53 creates for a public hosted zone\" (four name servers per delegation set); Cloudflare \"Subdomain setup\" "
                    + "(NS records in the parent zone); ExternalDNS `--domain-filter` and `--zone-id-filter`. Not verifiable offline: the "
                    + "registrar's NS for the domain (it must name the apex backend), and resolver caches of old NS records (up to their TTL).");
        }
        md.h2("2. What each site does when cut off");
        md.table(List.of("site", "provider", "cut off from the primary", "reads"), topology.sites().stream().map(s -> List.of(s.name(),
                s.provider().key(), data == null ? "n/a" : writesWhenCut(s, data), data == null ? "n/a" : readsWhenCut(s, topology, data))).toList());
        md.p("Global DNS keeps routing users only to sites whose deep health check passes; a site whose `/healthz` includes the "
                + "database dependency fails its check when it cannot reach its database, and is drained automatically.");
        md.h2("3. Do not");
        md.bullet("Do not promote a replica on the minority side while the primary may still be alive: that creates two primaries. "
                + "Fence first (see [database primary failure](database-primary-failure.md)).");
        md.bullet("Do not change DNS by hand to send users to a cut-off site.");
        md.h2("4. Reconcile on reconnect");
        md.step(1, "Replicas catch up by themselves from the primary's log; watch replica lag return to normal.");
        md.step(2, "If a promotion happened during the partition, the old primary's writes after the fence are not replicated: "
                + "export them from the retired instance (`multisite-role=retired-primary`) and replay them through the application, "
                + "then retire it.");
        md.step(3, "Check `cilium clustermesh status` on every site and the interconnect tunnels; undo any manual drain switch.");
        return md.toString();
    }

    private static String writesWhenCut(SiteSpec site, DataSettings data) {
        if (data.mode() == DataSettings.Mode.PARTITIONED) {
            return data.partitions().stream().anyMatch(p -> p.authority().equals(site.name()))
                    ? "keeps writing its own partitions; others' writes fail" : "writes fail";
        }
        return site.name().equals(data.primary()) ? "keeps taking writes (it is the primary)" : "writes fail (fail closed)";
    }

    private static String readsWhenCut(SiteSpec site, Topology topology, DataSettings data) {
        if (data.mode() == DataSettings.Mode.PRIMARY_REPLICA) {
            SiteSpec primary = topology.site(data.primary()).orElseThrow();
            boolean local = site.equals(primary) || (site.provider() == primary.provider()
                    && (data.replicas().all() || data.replicas().sites().contains(site.name())));
            if (site.equals(primary)) {
                return "local (the primary)";
            }
            return local ? "continue from the local replica, possibly stale" : "fail (it reads from the primary over the interconnect)";
        }
        return "local replicas of each partition it holds";
    }
}
