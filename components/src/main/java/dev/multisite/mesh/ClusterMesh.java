package dev.multisite.mesh;

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
import dev.multisite.site.Site;

import java.util.LinkedHashMap;
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

    public ClusterMesh(String name, ClusterMeshArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var topology = args.topology();
        var ca = new MeshCertificateAuthority(name + "-ca", "Multisite " + topology.domain(),
                ComponentResourceOptions.builder().parent(this).build());
        for (Site site : args.sites()) {
            var onSite = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).build();
            var release = new Release(site.name() + "-cilium", ReleaseArgs.builder()
                    .name("cilium")
                    .chart("cilium")
                    .version(topology.mesh().chartVersion())
                    .namespace(NAMESPACE)
                    .repositoryOpts(RepositoryOptsArgs.builder().repo(REPOSITORY).build())
                    .values(CiliumValues.forSite(site, topology, ca))
                    .timeout(900)
                    .build(), onSite);
            for (var service : topology.mesh().globalServices()) {
                new ServicePatch(site.name() + "-global-" + service.namespace() + "-" + service.name(), ServicePatchArgs.builder()
                        .metadata(ObjectMetaPatchArgs.builder().namespace(service.namespace()).name(service.name())
                                .annotations(CiliumValues.globalServiceAnnotations(service.affinity())).build())
                        .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(release).build());
            }
            releases.put(site.name(), release);
            apiserverAddresses.put(site.name(), dev.multisite.topology.MeshOptions.apiserverAddress(site.name(), topology.domain()));
        }
        registerOutputs(Map.of("apiserverAddresses", Output.of(apiserverAddresses)));
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
