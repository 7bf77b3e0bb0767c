package dev.multisite.mesh;

import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.batch.v1.JobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.topology.MeshGateFacts;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A site's mesh gate ({@code multisite:mesh:MeshGate}): a Job in the Cilium namespace running the
 * pinned Cilium CLI's {@code cilium clustermesh status --wait} with a bounded wait, which Pulumi
 * awaits (the kubernetes provider holds a Job's create until its Complete condition and fails it on
 * Failed: pulumi-kubernetes batch/v1 Job docs; no {@code pulumi.com/skipAwait}). Whatever depends on
 * the gate (the ApplicationSets) is created only once this site reaches every other site. A preview
 * creates nothing, so it never waits.
 *
 * <p>The pod template carries the peers it waits for: a site joining or leaving the mesh changes
 * the template, and the Job (immutable) is replaced, so the gate runs again.
 */
public final class MeshGate extends ComponentResource {
    public static final String TYPE = "multisite:mesh:MeshGate";

    /** The gate Job: depend on it for anything that must wait for the mesh. */
    public final Job job;

    public MeshGate(Site site, Topology topology, Resource cilium, Resource parent) {
        super(TYPE, site.name() + "-mesh-gate", ComponentResourceOptions.builder().parent(parent).build());
        var onSite = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).build();
        String name = MeshGateFacts.JOB_NAME;
        String ns = ClusterMesh.NAMESPACE;
        var account = new ServiceAccount(site.name() + "-mesh-gate-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).build()).build(), onSite);
        // What `cilium clustermesh status` reads in the Cilium namespace: the agents (and their status,
        // through exec), the clustermesh-apiserver's Deployment and Service, the Cilium config and its
        // Helm release (--helm-release-name); read-only apart from exec.
        var role = new Role(site.name() + "-mesh-gate-role", RoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).build())
                .rules(List.of(
                        PolicyRuleArgs.builder().apiGroups("").resources("pods", "services", "configmaps", "secrets").verbs("get", "list").build(),
                        PolicyRuleArgs.builder().apiGroups("").resources("pods/exec").verbs("create").build(),
                        PolicyRuleArgs.builder().apiGroups("apps").resources("deployments", "daemonsets").verbs("get", "list").build()))
                .build(), onSite);
        var binding = new RoleBinding(site.name() + "-mesh-gate-binding", RoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name(name).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(name).namespace(ns).build())
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(List.of(role, account)).build());
        String peers = String.join(",", topology.sites().stream().map(SiteSpec::name).filter(n -> !n.equals(site.name())).toList());
        this.job = new Job(site.name() + "-mesh-gate", JobArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).labels(Map.of(MeshGateFacts.SITE_LABEL, site.name())).build())
                .spec(JobSpecArgs.builder()
                        .backoffLimit(0)
                        .activeDeadlineSeconds(MeshGateFacts.DEADLINE_SECONDS)
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(Map.of(MeshGateFacts.SITE_LABEL, site.name()))
                                        .annotations(Map.of("multisite/mesh-peers", peers)).build())
                                .spec(PodSpecArgs.builder()
                                        .serviceAccountName(name)
                                        .restartPolicy("Never")
                                        .containers(ContainerArgs.builder()
                                                .name("cilium-cli")
                                                .image(MeshGateFacts.IMAGE)
                                                .command(MeshGateFacts.command())
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider())
                .dependsOn(List.of(cilium, binding))
                .customTimeouts(CustomTimeouts.builder().create(Duration.ofSeconds(MeshGateFacts.AWAIT_SECONDS))
                        .update(Duration.ofSeconds(MeshGateFacts.AWAIT_SECONDS)).build())
                .build());
        registerOutputs(Map.of("job", job.metadata().applyValue(m -> m.name().orElse(name))));
    }
}
