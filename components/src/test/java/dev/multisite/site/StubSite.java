package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import dev.multisite.topology.SiteSpec;

import java.util.Optional;

/** A site that is only its spec: for args that hold a reference to a site; everything a deployment would make is null. */
public record StubSite(SiteSpec spec) implements Site {
    @Override
    public Provider kubernetesProvider() {
        return null;
    }

    @Override
    public Output<String> systemNamespace() {
        return null;
    }

    @Override
    public ComponentResource resource() {
        return null;
    }

    @Override
    public Output<String> clusterName() {
        return null;
    }

    @Override
    public Output<String> endpoint() {
        return null;
    }

    @Override
    public Output<String> kubeconfig() {
        return null;
    }

    @Override
    public Optional<WorkloadIdentity> workloadIdentity() {
        return Optional.empty();
    }
}
