package dev.multisite.mesh;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.bindings.McsServiceExport;
import dev.multisite.site.Site;
import dev.multisite.site.ZoneForward;
import dev.multisite.topology.ClustersetDnsFacts;
import dev.multisite.topology.GitOpsSettings;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's part of the global services ({@code multisite:mesh:GlobalServices}), from
 * {@code gitops.apps[].globalServices}: every exporting namespace (an importing cluster needs the
 * namespace: Cilium's MCS guide), a {@code ServiceExport} per global Service of every app the site
 * runs, and the site's answer for {@code clusterset.local} ({@link ClustersetDnsFacts}).
 */
public final class GlobalServices extends ComponentResource {
    public static final String TYPE = "multisite:mesh:GlobalServices";

    /** The names the site exports, as {@code <service>.<namespace>.svc.clusterset.local}. */
    public final Output<List<String>> exported;

    public GlobalServices(Site site, Topology topology, Resource cilium, Resource parent) {
        super(TYPE, site.name() + "-global-services", ComponentResourceOptions.builder().parent(parent).build());
        GitOpsSettings gitops = topology.gitops();
        var onSite = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).build();
        Map<String, Namespace> namespaces = new LinkedHashMap<>();
        for (String ns : exportingNamespaces(gitops)) {
            namespaces.put(ns, new Namespace(site.name() + "-ns-" + ns, NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(ns).labels(Map.of("app.kubernetes.io/managed-by", "multisite")).build())
                    .build(), onSite));
        }
        List<String> names = new ArrayList<>();
        for (var app : gitops.apps()) {
            if (!gitops.selects(app, site.spec())) {
                continue;
            }
            for (var service : app.globalServices()) {
                // The export needs the namespace and the MCS CRDs, which the Cilium operator installs
                // (clustermesh.mcsapi.installCRDs, on by default in chart 1.20.0).
                new McsServiceExport(site.name() + "-export-" + app.namespace() + "-" + service.name(), new McsServiceExport.Args(
                        ObjectMetaArgs.builder().name(service.name()).namespace(app.namespace())
                                .labels(Map.of("app.kubernetes.io/managed-by", "multisite", "multisite/app", app.name())).build()),
                        CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider())
                                .dependsOn(List.of(namespaces.get(app.namespace()), cilium)).build());
                names.add(ClustersetDnsFacts.serviceName(service.name(), app.namespace()));
            }
        }
        clustersetDns(site, cilium);
        this.exported = Output.of(List.copyOf(names));
        registerOutputs(Map.of("exported", exported));
    }

    /** Every namespace an app exports a global service from: each exists on every site. */
    public static Set<String> exportingNamespaces(GitOpsSettings gitops) {
        Set<String> out = new LinkedHashSet<>();
        gitops.apps().stream().filter(a -> !a.globalServices().isEmpty()).forEach(a -> out.add(a.namespace()));
        return out;
    }

    /**
     * How the site's cluster DNS answers {@code clusterset.local}: Cilium configures an existing
     * cluster's CoreDNS (CiliumValues); any other site runs Multisite's resolver and forwards the
     * zone to it, the way its cloud forwards a zone ({@link Site#forwardZone}).
     */
    private void clustersetDns(Site site, Resource cilium) {
        if (CiliumValues.ciliumConfiguresCoreDns(site.provider())) {
            return;
        }
        var resolver = new ClustersetDns(site, cilium, this);
        site.forwardZone(ZoneForward.toClusterService(ClustersetDnsFacts.ZONE, resolver.resolverIp, resolver.service, "clusterset", this));
    }
}
