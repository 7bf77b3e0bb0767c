package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * The {@code gitops} block: Argo CD, the repository, the apps every site runs and their rollout.
 *
 * @param argocd   where Argo CD runs and which chart
 * @param repoUrl  the Git repository the apps come from
 * @param revision the branch, tag or commit; default {@code HEAD}
 * @param apps     the applications, each deployed to every site its selector matches
 * @param rollout  optional progressive rollout over site groups (hub mode)
 */
public record GitOpsSettings(ArgoCd argocd, @Required String repoUrl, String revision, List<App> apps, Rollout rollout) {
    public static final String DEFAULT_CHART_VERSION = "10.1.1";

    public GitOpsSettings {
        argocd = argocd == null ? new ArgoCd(null, null, null) : argocd;
        revision = revision == null ? "HEAD" : revision;
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    /** The labels a site's cluster registration carries, which app selectors and rollout steps match. */
    public Map<String, String> siteLabels(SiteSpec site) {
        boolean hub = argocd.mode() == Mode.HUB && site.name().equals(argocd.hubSite());
        return Map.of("multisite/site", site.name(), "multisite/provider", site.provider().key(),
                "multisite/region", site.region(), "multisite/role", hub ? "hub" : "workload");
    }

    public boolean selects(App app, SiteSpec site) {
        return siteLabels(site).entrySet().containsAll(app.selector().entrySet());
    }

    /**
     * @param mode         {@code per-site} (default: an Argo CD in every site managing only itself) or {@code hub}
     * @param hubSite      hub mode: the site running the one Argo CD
     * @param chartVersion the argo-cd chart version; default {@value GitOpsSettings#DEFAULT_CHART_VERSION}
     */
    public record ArgoCd(Mode mode, String hubSite, String chartVersion) {
        public ArgoCd {
            mode = mode == null ? Mode.PER_SITE : mode;
            chartVersion = chartVersion == null ? DEFAULT_CHART_VERSION : chartVersion;
        }
    }

    public enum Mode {
        PER_SITE, HUB;

        @JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param name        the app (and ApplicationSet) name
     * @param path        the directory in the repository (plain manifests or kustomize)
     * @param namespace   the namespace it deploys to
     * @param selector    site labels it deploys to ({@code multisite/site}, {@code multisite/provider},
     *                    {@code multisite/region}, {@code multisite/role}); empty = every site
     * @param syncOptions Argo CD sync options, e.g. {@code CreateNamespace=true}
     * @param globalServices the app's Services exported to every site over the mesh (Kubernetes MCS API:
     *                    a {@code ServiceExport} where the app runs, the namespace on every site); default none
     */
    public record App(@Required String name, @Required String path, @Required String namespace, Map<String, String> selector, List<String> syncOptions,
                      List<ExportedService> globalServices) {
        public App {
            selector = selector == null ? Map.of() : Map.copyOf(selector);
            syncOptions = syncOptions == null ? List.of("CreateNamespace=true") : List.copyOf(syncOptions);
            globalServices = globalServices == null ? List.of() : List.copyOf(globalServices);
        }
    }

    /**
     * A Service of an app, exported across the mesh with the Multi-Cluster Services API and reachable
     * from every site as {@code <name>.<app namespace>.svc.clusterset.local}.
     *
     * @param name     the Service's name (a DNS-1035 label, as Kubernetes requires of Service names)
     * @param headless whether the Service is headless ({@code clusterIP: None}); default false. Headless
     *                 exports need Cilium's EndpointSlice synchronisation, which is then turned on.
     */
    public record ExportedService(@Required String name, Boolean headless) {
        public ExportedService {
            headless = headless != null && headless;
        }
    }

    /** Whether any app exports a global service: the MCS API, its DNS and its gate are then set up on every site. */
    public boolean exportsGlobalServices() {
        return apps.stream().anyMatch(a -> !a.globalServices().isEmpty());
    }

    /** Whether any exported global service is headless (Cilium then synchronises EndpointSlices across the mesh). */
    public boolean exportsHeadlessServices() {
        return apps.stream().flatMap(a -> a.globalServices().stream()).anyMatch(ExportedService::headless);
    }

    /**
     * @param order       site groups, synced one group after the other
     * @param bakeMinutes how long a group must stay healthy before the next one starts; default 15
     */
    public record Rollout(List<List<String>> order, Integer bakeMinutes) {
        public Rollout {
            order = order == null ? List.of() : order.stream().map(List::copyOf).toList();
            bakeMinutes = bakeMinutes == null ? 15 : bakeMinutes;
        }
    }
}
