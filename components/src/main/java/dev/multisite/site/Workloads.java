package dev.multisite.site;

import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;

import java.util.Map;

/** Specs of the Kubernetes workloads Multisite runs on a site's cluster (its resolvers, its health app). */
public final class Workloads {
    private Workloads() {
    }

    /** A Deployment of {@code replicas} pods labelled {@code labels}, which its selector matches. */
    public static DeploymentSpecArgs deployment(int replicas, Map<String, String> labels, PodSpecArgs pod) {
        return DeploymentSpecArgs.builder()
                .replicas(replicas)
                .selector(LabelSelectorArgs.builder().matchLabels(labels).build())
                .template(PodTemplateSpecArgs.builder()
                        .metadata(ObjectMetaArgs.builder().labels(labels).build())
                        .spec(pod)
                        .build())
                .build();
    }
}
