package dev.multisite.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Invariants of the {@code gitops} block: a real hub, apps that select sites, a rollout over known sites. */
final class GitOpsValidator {
    private GitOpsValidator() {
    }

    static void validate(Topology topology, Problems problems) {
        GitOpsSettings g = topology.gitops();
        if (g == null) {
            return;
        }
        var argo = g.argocd();
        if (argo.mode() == GitOpsSettings.Mode.HUB) {
            if (argo.hubSite() == null) {
                problems.add("gitops.argocd.hubSite", "required in hub mode; the site that runs Argo CD for every site");
            } else if (topology.site(argo.hubSite()).isEmpty()) {
                problems.add("gitops.argocd.hubSite", "'" + argo.hubSite() + "' is not a site of this stack; use one of "
                        + topology.sites().stream().map(SiteSpec::name).toList());
            }
        } else if (argo.hubSite() != null) {
            problems.add("gitops.argocd.hubSite", "set in per-site mode; every site runs its own Argo CD, remove it or set mode: hub");
        }
        if (g.repoUrl() == null || !g.repoUrl().matches("(https://|ssh://|git@)\\S+")) {
            problems.add("gitops.repoUrl", (g.repoUrl() == null ? "required" : "'" + g.repoUrl() + "' is not a Git URL")
                    + "; e.g. https://github.com/acme/platform.git");
        }
        var apps = new NamedItems("gitops.apps", "[a-z][a-z0-9-]{0,40}", "");
        for (int i = 0; i < g.apps().size(); i++) {
            var app = g.apps().get(i);
            String path = apps.check(i, app.name(), problems);
            if (app.path() == null) {
                problems.add(path + ".path", "required; a directory relative to the repository root, e.g. argocd/apps/hello");
            } else if (app.path().startsWith("/")) {
                // Argo CD's source.path is relative to the repository root (Application spec, source.path).
                problems.add(path + ".path", "'" + TopologyLimits.quote(app.path()) + "' is an absolute path; give the directory relative to the "
                        + "repository root, e.g. " + TopologyLimits.quote(app.path().replaceFirst("^/+", "")));
            }
            if (app.namespace() == null || !app.namespace().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                problems.add(path + ".namespace", "required; a Kubernetes namespace name");
            }
            boolean selectsSome = topology.sites().stream().anyMatch(s -> g.siteLabels(s).entrySet().containsAll(app.selector().entrySet()));
            if (!selectsSome) {
                problems.add(path + ".selector", app.selector() + " selects no site; labels are multisite/site, multisite/provider, "
                        + "multisite/region and multisite/role");
            }
        }
        if (g.rollout() != null && !g.rollout().order().isEmpty()) {
            if (argo.mode() != GitOpsSettings.Mode.HUB) {
                problems.add("gitops.rollout", "needs argocd.mode hub: a rolling sync is driven by one ApplicationSet controller over all sites; "
                        + "in per-site mode each site syncs on its own");
            }
            Map<String, Integer> groupOf = new HashMap<>();
            for (int i = 0; i < g.rollout().order().size(); i++) {
                for (String site : g.rollout().order().get(i)) {
                    if (topology.site(site).isEmpty()) {
                        problems.add("gitops.rollout.order[" + i + "]", "'" + site + "' is not a site of this stack");
                    } else if (groupOf.putIfAbsent(site, i) != null) {
                        problems.add("gitops.rollout.order[" + i + "]", "'" + site + "' is already in group " + groupOf.get(site) + "; a site belongs to one group");
                    }
                }
            }
            topology.sites().stream().filter(s -> !groupOf.containsKey(s.name())).forEach(s -> problems.add("gitops.rollout.order",
                    "site " + s.name() + " is in no group; a rolling sync never updates sites outside its steps"));
            if (g.rollout().bakeMinutes() < 0) {
                problems.add("gitops.rollout.bakeMinutes", g.rollout().bakeMinutes() + " is negative");
            }
        }
    }
}
