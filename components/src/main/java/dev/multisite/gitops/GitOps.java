package dev.multisite.gitops;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.topology.GitOpsSettings;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitOps layer. Per-site mode (the default): an Argo CD in every site managing only itself,
 * so losing any site, including the one that would have been the hub, stops delivery nowhere else.
 * Hub mode: one Argo CD on the hub site managing every site, with progressive rollout over site
 * groups (RollingSync steps).
 */
public final class GitOps extends ComponentResource {
    public static final String TYPE = "multisite:gitops:GitOps";

    /** Each Argo CD instance (by site) and the sites it deploys to. */
    public final Output<Map<String, List<String>>> argoCdInstances;

    public GitOps(String name, Topology topology, List<Site> sites, ComponentResourceOptions options) {
        this(name, topology, sites, List.of(), options);
    }

    /**
     * @param meshGates every site's mesh gate: the ApplicationSets depend on all of them. In fleet mode
     *                  the GitOps part is deployed after every site part, whose gates are then done.
     */
    public GitOps(String name, Topology topology, List<Site> sites, List<Resource> meshGates, ComponentResourceOptions options) {
        super(TYPE, name, options);
        GitOpsSettings gitops = topology.gitops();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        topology.sites().forEach(s -> labels.put(s.name(), gitops.siteLabels(s)));
        var child = ComponentResourceOptions.builder().parent(this).build();
        String chart = gitops.argocd().chartVersion();
        Map<String, Output<List<String>>> instances = new LinkedHashMap<>();
        if (gitops.argocd().mode() == GitOpsSettings.Mode.HUB) {
            Site hub = sites.stream().filter(s -> s.name().equals(gitops.argocd().hubSite())).findFirst().orElseThrow();
            Map<String, ApplicationSetSpec> appSets = new LinkedHashMap<>();
            gitops.apps().forEach(app -> appSets.put(app.name(), ApplicationSets.spec(app, gitops, gitops.rollout())));
            instances.put(hub.name(), new ArgoCd(hub.name() + "-argocd", hub, sites, appSets, labels, chart, meshGates, child).managedSites);
        } else {
            for (Site site : sites) {
                Map<String, ApplicationSetSpec> appSets = new LinkedHashMap<>();
                gitops.apps().stream().filter(app -> gitops.selects(app, site.spec()))
                        .forEach(app -> appSets.put(app.name(), ApplicationSets.spec(app, gitops, null)));
                instances.put(site.name(), new ArgoCd(site.name() + "-argocd", site, List.of(site), appSets, labels, chart, meshGates, child).managedSites);
            }
        }
        this.argoCdInstances = Output.all(List.copyOf(instances.values())).applyValue(lists -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            var names = List.copyOf(instances.keySet());
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), lists.get(i));
            }
            return out;
        });
        registerOutputs(Map.of("argoCdInstances", argoCdInstances));
    }
}
