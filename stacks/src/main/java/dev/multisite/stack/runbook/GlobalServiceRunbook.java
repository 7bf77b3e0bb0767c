package dev.multisite.stack.runbook;

import dev.multisite.topology.ClustersetDnsFacts;
import dev.multisite.topology.GitOpsSettings;
import dev.multisite.topology.MeshGateFacts;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * "A global service is unreachable from site S": for one site, the commands that check, in order,
 * the export where the service runs, the import on S, S's answer for {@code clusterset.local} (per
 * provider, as ClustersetDnsFacts describes it) and the mesh. Sources: Cilium "Multi-Cluster
 * Services API (Beta)" (ServiceImport created where the namespace exists; CoreDNS 1.12.2+), KEP-1645
 * (ServiceExport conditions Valid, Ready, Conflict), Cilium cmdref "cilium clustermesh status".
 */
final class GlobalServiceRunbook {
    private GlobalServiceRunbook() {
    }

    static String render(Topology topology, RunbookFacts facts, SiteSpec site) {
        GitOpsSettings gitops = topology.gitops();
        String kube = "kubectl --context " + site.name();
        var md = new Markdown().h1("A global service is unreachable from `" + site.name() + "`");
        md.p("Kubeconfigs: `pulumi stack output --stack " + facts.stackName() + " --show-secrets kubeconfigs` (one context per site). "
                + "The global services of this stack, reachable from every site:");
        List<List<String>> rows = new ArrayList<>();
        for (var app : gitops.apps()) {
            for (var service : app.globalServices()) {
                List<String> exporters = topology.sites().stream().filter(s -> gitops.selects(app, s)).map(SiteSpec::name).toList();
                rows.add(List.of("`" + ClustersetDnsFacts.serviceName(service.name(), app.namespace()) + "`", app.name(),
                        String.join(", ", exporters), service.headless() ? "yes" : "no"));
            }
        }
        md.table(List.of("name", "app", "exported from", "headless"), rows);
        md.h2("1. The export, where the service runs");
        md.p("On each exporting site: the Service exists and its ServiceExport is Valid and Ready, with no Conflict (KEP-1645). "
                + "Argo CD shows an unhealthy export as Degraded.");
        md.code("bash", "kubectl --context <exporting site> -n <namespace> get service <name>\n"
                + "kubectl --context <exporting site> -n <namespace> get serviceexport <name> -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason} {.message}{\"\\n\"}{end}'");
        md.h2("2. The import, on `" + site.name() + "`");
        md.p("Cilium creates the ServiceImport only where the namespace exists; `status.clusters` lists the exporting clusters.");
        md.code("bash", kube + " get namespace <namespace>\n"
                + kube + " -n <namespace> get serviceimport <name> -o yaml");
        md.h2("3. DNS for `" + ClustersetDnsFacts.ZONE + "` on `" + site.name() + "`");
        md.code("bash", kube + " run dnscheck --rm -it --restart=Never --image=busybox:1.36 -- nslookup <name>.<namespace>.svc." + ClustersetDnsFacts.ZONE);
        // A switch expression: a new provider does not compile until its DNS check is written.
        String dns = switch (site.provider()) {
            case AWS -> kube + " -n kube-system get deployment,service " + ClustersetDnsFacts.NAME + "   # Multisite's resolver at "
                    + ClustersetDnsFacts.resolverIp(site) + "\naws eks describe-addon --region " + site.region() + " --cluster-name "
                    + facts.clusterNames().get(site.name()) + " --addon-name coredns --query addon.configurationValues   # forwards the zone";
            case AZURE -> kube + " -n kube-system get deployment,service " + ClustersetDnsFacts.NAME + "   # Multisite's resolver at "
                    + ClustersetDnsFacts.resolverIp(site) + "\n" + kube + " -n kube-system get configmap coredns-custom -o jsonpath='{.data.clusterset\\.server}'\n"
                    + "# AKS reads coredns-custom when CoreDNS starts: after a change, restart it\n" + kube + " -n kube-system rollout restart deployment coredns";
            case GCP -> kube + " -n kube-system get deployment,service " + ClustersetDnsFacts.NAME + "   # Multisite's resolver at "
                    + ClustersetDnsFacts.resolverIp(site) + "\n" + kube + " -n kube-system get configmap kube-dns -o jsonpath='{.data.stubDomains}'";
            case EXISTING -> kube + " -n kube-system get configmap coredns -o yaml | grep -n multicluster   # set by Cilium's corednsAutoConfigure\n"
                    + kube + " -n kube-system get deployment coredns -o jsonpath='{.spec.template.spec.containers[0].image}'   # 1.12.2 or later";
        };
        md.code("bash", dns);
        md.h2("4. The mesh");
        md.p("The mesh gate ran `" + String.join(" ", MeshGateFacts.command()) + "` before any app synced; run it again, and read the gate's last log:");
        md.code("bash", "cilium clustermesh status --context " + site.name() + " --wait --wait-duration 2m\n"
                + kube + " -n kube-system logs job/" + MeshGateFacts.JOB_NAME + "\n"
                + kube + " -n kube-system exec ds/cilium -- cilium-dbg troubleshoot clustermesh");
        md.p("If the mesh is down, follow the site-down runbook of the site it cannot reach.");
        return md.blank().toString();
    }
}
