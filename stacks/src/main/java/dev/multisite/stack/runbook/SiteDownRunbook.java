package dev.multisite.stack.runbook;

import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

/** "Site X unavailable": how to see it, what fails over by itself, the manual trigger, who validates what. */
final class SiteDownRunbook {
    private SiteDownRunbook() {
    }

    static String render(Topology topology, RunbookFacts facts, SiteSpec site) {
        var md = new Markdown().h1("Site `" + site.name() + "` unavailable");
        md.p("Site `" + site.name() + "`: " + site.provider().key() + " in " + site.region() + ", cluster `"
                + facts.clusterNames().get(site.name()) + "`, capacity " + site.capacity() + " of " + topology.totalCapacity() + ".");
        md.h2("1. How to see it");
        md.bullet("Kubernetes API: `pulumi stack output --stack " + facts.stackName() + " --show-secrets kubeconfigs | jq -r '.\""
                + site.name() + "\"' > " + site.name() + ".kubeconfig && kubectl --kubeconfig " + site.name() + ".kubeconfig get nodes`");
        md.bullet("Mesh: `cilium clustermesh status --context " + site.name() + "` on any other site shows `" + site.name() + "` not ready.");
        md.blank();
        md.h2("2. Validate the survivors");
        md.p("Capacity: " + Capacity.without(topology, site).describe() + ".");
        md.table(java.util.List.of("survivor", "provider", "region", "capacity"),
                topology.sites().stream().filter(s -> !s.equals(site))
                        .map(s -> java.util.List.of(s.name(), s.provider().key(), s.region(), String.valueOf(s.capacity()))).toList());
        md.p("The on-call platform engineer validates, for every survivor: its nodes are Ready and its autoscaler has "
                + "headroom (`kubectl get nodes`), and its error rate stays at baseline while it takes the extra load.");
        md.h2("3. Bring the site back");
        md.step(1, "Fix the cause; check the cluster API and nodes as in step 1.");
        md.step(2, "Run `pulumi up --stack " + facts.stackName() + "` if any resource of `" + site.name() + "` drifted.");
        return md.blank().toString();
    }
}
