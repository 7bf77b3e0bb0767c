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
    private final Map<String, Release> releases = new LinkedHashMap<>();
    private final Map<String, MeshGate> gates = new LinkedHashMap<>();
    private final MeshTrust trust;

    public ClusterMesh(String name, ClusterMeshArgs args, ComponentResourceOptions options) {
        this(name, args.topology(), args.sites(), options);
    }

    /**
     * The mesh's shared half alone: the CA, with no member site. In fleet mode this is the shared
     * part's; each site part joins its site with {@link #member} and the CA's {@link #trust}.
     */
    public ClusterMesh(String name, Topology topology, ComponentResourceOptions options) {
        this(name, topology, List.of(), options);
    }

    private ClusterMesh(String name, Topology topology, List<Site> sites, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var ca = new MeshCertificateAuthority(name + "-ca", "Multisite " + topology.domain(),
                ComponentResourceOptions.builder().parent(this).build());
        this.trust = ca.trust();
        for (Site site : sites) {
            Member joined = join(site, topology, trust, this);
            releases.put(site.name(), joined.release());
            joined.gate().ifPresent(gate -> gates.put(site.name(), gate));
        }
        topology.sites().forEach(s -> apiserverAddresses.put(s.name(), MeshOptions.apiserverAddress(s.name(), topology.domain())));
        registerOutputs(Map.of("apiserverAddresses", Output.of(apiserverAddresses)));
    }

    /**
     * Joins one site to the mesh: its Cilium release (the official chart, on the site's Kubernetes
     * provider, listing every other site by its stable address), its global service annotations, its
     * part of the global services ({@link GlobalServices}) and its mesh gate ({@link MeshGate}, when
     * the stack has GitOps), under {@code parent}. Returns the release: the site's CNI.
     */
    public static Release member(Site site, Topology topology, MeshTrust trust, Resource parent) {
        return join(site, topology, trust, parent).release();
    }

    /** What joining a site creates that others wait for: its CNI and, with GitOps, its gate. */
    private record Member(Release release, java.util.Optional<MeshGate> gate) {
    }

    private static Member join(Site site, Topology topology, MeshTrust trust, Resource parent) {
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
        var gate = topology.gitops() == null ? java.util.Optional.<MeshGate>empty()
                : java.util.Optional.of(new MeshGate(site, topology, release, parent));
        return new Member(release, gate);
    }

    /**
     * Every site's mesh gate Job (empty without GitOps): what must wait until each site reaches every
     * other one (the ApplicationSets) depends on these.
     */
    public List<Resource> gates() {
        return gates.values().stream().<Resource>map(g -> g.job).toList();
    }

    /** The mesh CA, as the sites' Cilium releases take it. */
    public MeshTrust trust() {
        return trust;
    }

    /** The site's Cilium release: its CNI. Depend on it for anything that needs pod networking on the site. */
    public com.pulumi.resources.Resource ciliumRelease(String site) {
        Release release = releases.get(site);
        if (release == null) {
            throw new IllegalArgumentException("no Cilium release for site '" + site + "'; sites: " + releases.keySet());
        }
        return release;
    }
}
