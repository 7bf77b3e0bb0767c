package dev.multisite.stack.runbook;

import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

/** "Site X unavailable": how to see it, what fails over by itself, the manual trigger, who validates what. */
final class SiteDownRunbook {
    private SiteDownRunbook() {
    }

    static String render(Topology topology, RunbookFacts facts, SiteSpec site) {
        var fleet = new FleetModeSteps(facts.stackName(), topology);
        var md = new Markdown().h1("Site `" + site.name() + "` unavailable");
        md.p("Site `" + site.name() + "`: " + site.provider().key() + " in " + site.region() + ", cluster `"
                + facts.clusterNames().get(site.name()) + "`, capacity " + site.capacity() + " of " + topology.totalCapacity() + ".");
        md.h2("1. How to see it");
        md.bullet("Kubernetes API: `pulumi stack output --stack " + facts.stackName() + " --show-secrets kubeconfigs | jq -r '.\""
                + site.name() + "\"' > " + site.name() + ".kubeconfig && kubectl --kubeconfig " + site.name() + ".kubeconfig get nodes`");
        md.bullet("Mesh: `cilium clustermesh status --context " + site.name() + "` on any other site shows `" + site.name() + "` not ready.");
        if (site.provider() == dev.multisite.topology.CloudProvider.AZURE) {
            md.bullet("A 403 from the API is not an outage: the kubeconfig logs in with kubelogin `--login " + site.azure().kubeloginMode().key()
                    + "` and the deploying principal holds Azure Kubernetes Service RBAC Cluster Admin (`" + site.name()
                    + "-deployer-cluster-admin`); check `az role assignment list --scope <cluster id>`.");
        }
        UpstreamSources.append(md, "Cluster access", site.provider(), UpstreamSources.clusterAccess(site.provider()));
        var traffic = topology.traffic();
        if (traffic != null) {
            String so = "pulumi stack output --stack " + facts.stackName();
            // Only the backend authoritative for the global hostname serves it (DnsAuthority).
            var global = dev.multisite.topology.DnsAuthority.of(topology).global().backend();
            md.bullet("Deep health: `curl -si https://" + traffic.siteHostname(site.name()) + traffic.healthCheck().path()
                    + "` answers 503 (or nothing) with `X-Multisite-Site: " + site.name() + "`.");
            md.bullet(switch (global.kind()) {
                case ROUTE53 -> "Route 53 health check `" + site.name() + "-check` (every " + traffic.healthCheck().intervalSeconds() + " s from "
                        + String.join(", ", traffic.healthCheck().regions()) + "): `aws route53 get-health-check-status --health-check-id $("
                        + so + " healthChecks | jq -r '.\"" + site.name() + "\"')`.";
                case CLOUDFLARE -> "Cloudflare pool `multisite-" + site.name() + "` shows unhealthy in Traffic > Load Balancing.";
                case CLOUDDNS -> "Cloud DNS health check of `" + traffic.hostname() + "` (every " + dev.multisite.topology.FailoverBudget.of(global, traffic)
                        .intervalSeconds() + " s from its three source regions) fails at the site's endpoint; `" + traffic.hostname()
                        + "` no longer answers with it: `dig +short " + traffic.hostname() + "`.";
            });
            md.blank();
            md.h2("2. What fails over by itself, and how fast");
            md.p("The failing check takes `" + site.name() + "` out of every answer for `" + traffic.hostname()
                    + "`; the other sites take its traffic. Worst case, per the failover budget (rtoSeconds " + traffic.rtoSeconds() + "):");
            md.bullet(dev.multisite.topology.FailoverBudget.of(global, traffic).arithmetic());
            md.blank();
            md.h2("3. If it does not fail over: drain it by hand");
            // A switch expression: a new DNS backend does not compile until its manual drain is written here.
            Runnable drainByHand = switch (global.kind()) {
                case ROUTE53 -> () -> {
                    md.p("Route 53: set the site's drain switch `" + site.name() + "-drain` to Inverted; its serving check `" + site.name()
                            + "-serving` turns unhealthy and every record of `" + site.name() + "` leaves the answers. No record changes.");
                    md.code("bash", OperatorCommands.drain(facts.stackName(), global, site) + "\n# undo when the site is back:\n"
                            + OperatorCommands.undrain(facts.stackName(), global, site));
                };
                case CLOUDFLARE -> () -> {
                    md.p("Cloudflare: disable the site's pool (token with Load Balancing edit in `CLOUDFLARE_API_TOKEN`):");
                    md.code("bash", OperatorCommands.drain(facts.stackName(), global, site));
                };
                case CLOUDDNS -> () -> {
                    md.p("Cloud DNS: scale the site's health app to zero; the routing policy's health check fails at its endpoint and"
                            + " Cloud DNS leaves it out of the answers. No record changes.");
                    md.code("bash", OperatorCommands.drain(facts.stackName(), global, site) + "\n# undo when the site is back:\n"
                            + OperatorCommands.undrain(facts.stackName(), global, site));
                };
            };
            drainByHand.run();
            md.p("Rehearse exactly this with `./multisite drill --stack " + facts.stackName() + " --outputs outputs.json --site " + site.name() + "`.");
        }
        md.h2((topology.traffic() != null ? "4" : "2") + ". Validate the survivors");
        md.p("Capacity: " + Capacity.without(topology, site).describe() + ".");
        if (topology.network().interconnect().enabled()) {
            var graph = facts.interconnect();
            var cut = graph.cutOffWithout(site.name());
            if (!cut.isEmpty()) {
                md.p("**Interconnect (waived shared fate):** if `" + site.name() + "`'s region (not only its cluster) is down, "
                        + String.join(", ", cut.stream().map(n -> "`" + n + "`").toList())
                        + (cut.size() == 1 ? " loses its" : " lose their") + " private path to the other sites: their mesh peers go not-ready and their writes to a remote "
                        + "primary fail, while they keep serving local traffic. Drain them too if they cannot serve without those, "
                        + "or give them a second hub (`network.interconnect.hubs`, `existing.vpn.attachTo`) and run `pulumi up`. "
                        + fleet.sentence(fleet.interconnect()));
            } else if (graph.isHub(site.name())) {
                InterconnectPathChange.append(md, graph, site);
            }
        }
        md.table(java.util.List.of("survivor", "provider", "region", "capacity"),
                topology.sites().stream().filter(s -> !s.equals(site))
                        .map(s -> java.util.List.of(s.name(), s.provider().key(), s.region(), String.valueOf(s.capacity()))).toList());
        md.p("The on-call platform engineer validates, for every survivor: its deep health check is healthy"
                + (topology.traffic() != null ? " (`<survivor>-check`)" : "") + ", its nodes are Ready and its autoscaler has "
                + "headroom (`kubectl get nodes`), and its error rate stays at baseline while it takes the extra load.");
        md.h2((topology.traffic() != null ? "5" : "3") + ". Bring the site back");
        md.step(1, "Fix the cause; check the cluster API and nodes as in step 1.");
        md.step(2, "Run `pulumi up --stack " + facts.stackName() + "` if any resource of `" + site.name() + "` drifted. "
                + fleet.sentence(fleet.site(site)));
        if (topology.traffic() != null) {
            md.step(3, "Undo any manual drain (above), then watch `" + site.name() + "-check` turn healthy and `" + site.name()
                    + "` return in `dig +short " + topology.traffic().hostname() + "` from several resolvers.");
        }
        return md.blank().toString();
    }
}
