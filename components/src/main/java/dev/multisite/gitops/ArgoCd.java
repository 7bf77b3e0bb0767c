package dev.multisite.gitops;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.bindings.ArgoApplicationSet;
import dev.multisite.site.Site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Argo CD (official argo-cd chart) in one site, the clusters it manages registered as labelled
 * cluster Secrets, and one ApplicationSet per app it deploys.
 */
public final class ArgoCd extends ComponentResource {
    public static final String TYPE = "multisite:gitops:ArgoCd";
    public static final String NAMESPACE = "argocd";
    public static final String REPOSITORY = "https://argoproj.github.io/argo-helm";

    /** The sites this Argo CD deploys to. */
    public final Output<List<String>> managedSites;
    /** The ApplicationSets it holds, by app name. */
    public final Output<List<String>> applicationSets;
    /** The Argo CD release's status as Helm reports it. */
    public final Output<String> releaseStatus;

    /**
     * @param host     the site Argo CD runs in
     * @param managed  the sites it deploys to (itself in per-site mode; every site from a hub)
     * @param appSets  the ApplicationSet specs, by app name
     * @param labels   site -> its registration labels
     * @param appSetsAfter what the ApplicationSets wait for besides Argo CD (every site's mesh gate)
     */
    public ArgoCd(String name, Site host, List<Site> managed, Map<String, ApplicationSetSpec> appSets,
                  Map<String, Map<String, String>> labels, String chartVersion, List<Resource> appSetsAfter,
                  ComponentResourceOptions options) {
        super(TYPE, name, options);
        var onHost = CustomResourceOptions.builder().parent(this).provider(host.kubernetesProvider()).build();
        var release = new Release(name + "-release", ReleaseArgs.builder()
                .name("argocd")
                .chart("argo-cd")
                .version(chartVersion)
                .namespace(NAMESPACE)
                .createNamespace(true)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(REPOSITORY).build())
                .values(values())
                .build(), onHost);
        var afterArgo = CustomResourceOptions.builder().parent(this).provider(host.kubernetesProvider()).dependsOn(release).build();
        for (Site site : managed) {
            Map<String, String> secretLabels = new LinkedHashMap<>(labels.get(site.name()));
            secretLabels.put("argocd.argoproj.io/secret-type", "cluster");
            new Secret(name + "-cluster-" + site.name(), SecretArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("cluster-" + site.name()).namespace(NAMESPACE).labels(secretLabels).build())
                    .stringData(site.name().equals(host.name()) ? ClusterRegistration.inCluster(site) : ClusterRegistration.remote(site))
                    .build(), afterArgo);
        }
        List<Resource> appSetDeps = new ArrayList<>(appSetsAfter);
        appSetDeps.add(release);
        // No app syncs before the mesh is up: the ApplicationSets wait for every site's gate.
        var afterGates = CustomResourceOptions.builder().parent(this).provider(host.kubernetesProvider()).dependsOn(appSetDeps).build();
        appSets.forEach((app, spec) -> new ArgoApplicationSet(name + "-" + app, new ArgoApplicationSet.Args(
                ObjectMetaArgs.builder().name(app).namespace(NAMESPACE).labels(Map.of("app.kubernetes.io/managed-by", "multisite")).build(),
                spec.toMap()), afterGates));
        this.managedSites = Output.of(managed.stream().map(Site::name).toList());
        this.applicationSets = Output.of(List.copyOf(appSets.keySet()));
        this.releaseStatus = release.status().applyValue(status -> status == null ? "" : status.status());
        registerOutputs(Map.of("managedSites", managedSites, "applicationSets", applicationSets, "releaseStatus", releaseStatus));
    }

    /** HA where it matters for delivery; the controller is sharded one per replica. */
    private static Map<String, Object> values() {
        return Map.of(
                "configs", Map.of("params", Map.of("applicationsetcontroller.policy", "create-update"), "cm", McsHealthChecks.argocdCm()),
                "server", Map.of("replicas", 2),
                "repoServer", Map.of("replicas", 2),
                "applicationSet", Map.of("replicas", 2),
                "controller", Map.of("replicas", 1));
    }

}
