package dev.multisite.ops.drill;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;

/**
 * Takes a site out by scaling its ingress controller deployment to zero (the site's health check
 * then fails for real, as in an outage); restore scales it back to the replica count it had.
 */
public final class IngressScaleInjector implements FailureInjector {
    private final KubernetesClient kubernetes;
    private final String site;
    private final String namespace;
    private final String deployment;
    private Integer previousReplicas;

    public IngressScaleInjector(KubernetesClient kubernetes, String site, String namespace, String deployment) {
        this.kubernetes = kubernetes;
        this.site = site;
        this.namespace = namespace;
        this.deployment = deployment;
    }

    @Override
    public String describe() {
        return "scale deployment " + namespace + "/" + deployment + " of " + site + " to 0";
    }

    @Override
    public void inject() {
        var current = deployment().get();
        if (current == null) {
            throw new IllegalStateException("deployment " + namespace + "/" + deployment + " not found on " + site);
        }
        previousReplicas = current.getSpec().getReplicas();
        deployment().scale(0);
    }

    @Override
    public void restore() {
        if (previousReplicas != null) {
            deployment().scale(previousReplicas);
        }
    }

    private RollableScalableResource<Deployment> deployment() {
        return kubernetes.apps().deployments().inNamespace(namespace).withName(deployment);
    }
}
