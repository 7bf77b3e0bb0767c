package dev.multisite.mesh;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServicePatch;
import com.pulumi.kubernetes.core.v1.ServicePatchArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.topology.MeshOptions;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cilium Cluster Mesh across every site: one shared CA, then per site one Cilium release (official
 * chart, on that site's Kubernetes provider) whose mesh configuration lists every other site by its
 * stable address. Optional global services are annotated in every site.
 */
public final class ClusterMesh extends ComponentResource {
    public static final String TYPE = "multisite:mesh:ClusterMesh";
    public static final String REPOSITORY = "https://helm.cilium.io/";
    public static final String NAMESPACE = "kube-system";

    /** Site -> the address its clustermesh-apiserver is reached at. */
    public final Map<String, String> apiserverAddresses = new LinkedHashMap<>();
    private final MeshTrust trust;

    /**
     * The mesh's shared half: the CA. Each site joins with {@link #member} and the CA's
     * {@link #trust}, in its own part of the fleet (the same code in one stack and in fleet mode).
     */
    public ClusterMesh(String name, Topology topology, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var ca = new MeshCertificateAuthority(name + "-ca", "Multisite " + topology.domain(),
                ComponentResourceOptions.builder().parent(this).build());
        this.trust = ca.trust();
        topology.sites().forEach(s -> apiserverAddresses.put(s.name(), MeshOptions.apiserverAddress(s.name(), topology.domain())));
        registerOutputs(Map.of("apiserverAddresses", Output.of(apiserverAddresses)));
    }

    /**
     * Joins one site to the mesh: its Cilium release (the official chart, on the site's Kubernetes
     * provider, listing every other site by its stable address), its global service annotations, its
     * part of the global services ({@link GlobalServices}) and its mesh gate ({@link MeshGate}, when
     * the stack has GitOps), under {@code parent}. Returns its CNI and gate.
     */
    public static Member member(Site site, Topology topology, MeshTrust trust, Resource parent) {
        // Aliased to the stack's root: in fleet mode a site part holds these under its copy of the
        // mesh component, which `pulumi state move` leaves behind (fleet migrate; state_move.go in pulumi/pulumi).
        var onSite = CustomResourceOptions.builder().parent(parent).provider(site.kubernetesProvider()).aliases(Alias.noParent()).build();
        var release = new Release(site.name() + "-cilium", ReleaseArgs.builder()
                .name("cilium")
                .chart("cilium")
                .version(topology.mesh().chartVersion())
                .namespace(NAMESPACE)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(REPOSITORY).build())
                .values(CiliumValues.forSite(site, topology, trust))
                .timeout(900)
                .build(), onSite);
        for (var service : topology.mesh().globalServices()) {
            new ServicePatch(site.name() + "-global-" + service.namespace() + "-" + service.name(), ServicePatchArgs.builder()
                    .metadata(ObjectMetaPatchArgs.builder().namespace(service.namespace()).name(service.name())
                            .annotations(CiliumValues.globalServiceAnnotations(service.affinity())).build())
                    .build(), CustomResourceOptions.builder().parent(parent).provider(site.kubernetesProvider()).aliases(Alias.noParent())
                    .dependsOn(release).build());
        }
        if (topology.gitops() != null && topology.gitops().exportsGlobalServices()) {
            new GlobalServices(site, topology, release, parent);
        }
        var gate = topology.gitops() == null ? java.util.Optional.<Resource>empty()
                : java.util.Optional.<Resource>of(new MeshGate(site, topology, release, parent).job);
        return new Member(release, gate);
    }

    /** The mesh CA, as the sites' Cilium releases take it. */
    public MeshTrust trust() {
        return trust;
    }
}
