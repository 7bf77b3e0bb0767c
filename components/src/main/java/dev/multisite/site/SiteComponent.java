package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.topology.SiteSpec;

import java.util.Map;
import java.util.Optional;

/**
 * What every site does the same way, whatever its cloud: hold the spec, make the site's own
 * Kubernetes provider from its kubeconfig, and register the site's outputs. Subclasses only build
 * the cluster and then call {@link #complete}.
 */
abstract class SiteComponent extends ComponentResource implements Site {
    private final SiteSpec spec;
    private Output<String> clusterName;
    private Output<String> endpoint;
    private Output<String> kubeconfig;
    private com.pulumi.kubernetes.Provider kubernetesProvider;
    private Optional<WorkloadIdentity> workloadIdentity = Optional.empty();
    private Output<String> systemNamespace;

    protected SiteComponent(String type, SiteSpec spec, ComponentResourceOptions options) {
        super(type, spec.name(), options);
        this.spec = spec;
    }

    /** Options for a direct child: parented to this site. */
    protected CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** A child name of the form {@code <site>-<role>}. */
    protected String childName(String role) {
        return spec.name() + "-" + role;
    }

    /**
     * Finishes the site: creates its Kubernetes provider from the (secret) kubeconfig and registers
     * the outputs. Must be the last call of a subclass constructor.
     */
    protected final void complete(Output<String> clusterName, Output<String> endpoint, Output<String> kubeconfig,
                                  Optional<WorkloadIdentity> workloadIdentity) {
        this.clusterName = clusterName;
        this.endpoint = endpoint;
        this.kubeconfig = kubeconfig.asSecret();
        this.workloadIdentity = workloadIdentity;
        this.kubernetesProvider = new com.pulumi.kubernetes.Provider(childName("k8s"), Sites.kubernetesProviderArgs(this.kubeconfig), child());
        this.systemNamespace = new com.pulumi.kubernetes.core.v1.Namespace(childName("system"), com.pulumi.kubernetes.core.v1.NamespaceArgs.builder()
                .metadata(com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs.builder().name(SYSTEM_NAMESPACE)
                        .labels(Map.of("multisite/site", spec.name())).build())
                .build(), CustomResourceOptions.builder().parent(this).provider(kubernetesProvider).build())
                .metadata().applyValue(m -> m.name().orElseThrow());
        registerOutputs(Map.of(
                "clusterName", clusterName,
                "endpoint", endpoint,
                "kubeconfig", this.kubeconfig));
    }

    @Override
    public SiteSpec spec() {
        return spec;
    }

    @Override
    public Output<String> systemNamespace() {
        return systemNamespace;
    }

    @Override
    public com.pulumi.kubernetes.Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    @Override
    public ComponentResource resource() {
        return this;
    }

    @Override
    public Output<String> clusterName() {
        return clusterName;
    }

    @Override
    public Output<String> endpoint() {
        return endpoint;
    }

    @Override
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    @Override
    public Optional<WorkloadIdentity> workloadIdentity() {
        return workloadIdentity;
    }

    /** Tags/labels every cloud resource of the site carries, so a console shows what owns it. */
    protected Map<String, String> tags() {
        return tags(spec);
    }

    static Map<String, String> tags(SiteSpec spec) {
        return Map.of("multisite-site", spec.name(), "managed-by", "multisite");
    }
}
