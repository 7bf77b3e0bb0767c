package dev.multisite.fleet.parts;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.site.SiteFacts;
import dev.multisite.site.Sites;
import dev.multisite.site.WorkloadIdentity;
import dev.multisite.topology.SiteSpec;

import java.util.Optional;

/**
 * A site another part deployed, as a part that reads it sees it: every fact from the site part's
 * stack outputs ({@link SiteFacts}), and providers of its own (a Kubernetes provider from the
 * kubeconfig, a cloud provider with the site's settings) under {@code parent} (null: the stack's root).
 */
class RemoteSite implements Site {
    protected final SiteSpec spec;
    protected final StackFacts facts;
    protected final Resource parent;
    private com.pulumi.kubernetes.Provider kubernetes;

    RemoteSite(SiteSpec spec, StackFacts facts, Resource parent) {
        this.spec = spec;
        this.facts = facts;
        this.parent = parent;
    }

    /** Options of this site's providers in the reading part: under its parent, or at the stack's root. */
    protected CustomResourceOptions options() {
        var options = CustomResourceOptions.builder();
        if (parent != null) {
            options.parent(parent);
        }
        return options.build();
    }

    @Override
    public SiteSpec spec() {
        return spec;
    }

    @Override
    public com.pulumi.kubernetes.Provider kubernetesProvider() {
        // Made on first use: a part that never touches the cluster (the links) registers no provider for it.
        if (kubernetes == null) {
            kubernetes = new com.pulumi.kubernetes.Provider(spec.name() + "-k8s", Sites.kubernetesProviderArgs(kubeconfig()), options());
        }
        return kubernetes;
    }

    @Override
    public Output<String> systemNamespace() {
        return facts.string(SiteFacts.SYSTEM_NAMESPACE);
    }

    /** Never: the site's component is in its own part; parent this part's resources elsewhere. */
    @Override
    public ComponentResource resource() {
        throw new IllegalStateException("site " + spec.name() + " is deployed by part " + dev.multisite.parts.Part.siteName(spec.name())
                + "; its component is not in this part");
    }

    @Override
    public Output<String> clusterName() {
        return facts.string(SiteFacts.CLUSTER_NAME);
    }

    @Override
    public Output<String> endpoint() {
        return facts.string(SiteFacts.ENDPOINT);
    }

    @Override
    public Output<String> kubeconfig() {
        return facts.secret(SiteFacts.KUBECONFIG);
    }

    @Override
    public Optional<WorkloadIdentity> workloadIdentity() {
        return switch (spec.provider()) {
            case AWS -> Optional.of(identity(WorkloadIdentity.Kind.AWS_IRSA, ""));
            case GCP -> Optional.of(identity(WorkloadIdentity.Kind.GCP_WORKLOAD_IDENTITY, dev.multisite.site.GkeSite.workloadPool(spec)));
            case AZURE -> Optional.of(identity(WorkloadIdentity.Kind.AZURE_WORKLOAD_IDENTITY, ""));
            case EXISTING -> Optional.empty();
        };
    }

    private WorkloadIdentity identity(WorkloadIdentity.Kind kind, String pool) {
        return new WorkloadIdentity(kind, facts.string(SiteFacts.OIDC_ISSUER), facts.string(SiteFacts.OIDC_PROVIDER_ARN), pool);
    }
}
