package dev.multisite.mesh;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.site.Workloads;
import dev.multisite.topology.ClustersetDnsFacts;

import java.util.List;
import java.util.Map;

/**
 * A site's own resolver for {@code clusterset.local} ({@code multisite:mesh:ClustersetDns}): CoreDNS
 * {@value ClustersetDnsFacts#IMAGE} whose {@code kubernetes} plugin answers the zone from the
 * ServiceImports Cilium writes ({@code multicluster} option), behind a Service at a fixed ClusterIP
 * the cluster DNS forwards the zone to. Cilium's MCS guide lists what the manual setup needs:
 * CoreDNS 1.12.2 or later, the zone in the kubernetes plugin with {@code multicluster}, and read
 * access to {@code serviceimports} beside CoreDNS's usual services, EndpointSlices and namespaces.
 */
public final class ClustersetDns extends ComponentResource {
    public static final String TYPE = "multisite:mesh:ClustersetDns";

    /** The resolver's address, which the cluster DNS forwards {@code clusterset.local} to. */
    public final String resolverIp;
    /** The resolver Service: depend on it before pointing the cluster DNS at it. */
    public final Service service;

    public ClustersetDns(Site site, Resource cilium, Resource parent) {
        super(TYPE, site.name() + "-clusterset-dns", ComponentResourceOptions.builder().parent(parent).build());
        this.resolverIp = ClustersetDnsFacts.resolverIp(site.spec());
        String name = ClustersetDnsFacts.NAME;
        String ns = ClusterMesh.NAMESPACE;
        var onSite = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).build();
        Map<String, String> labels = Map.of("app.kubernetes.io/name", name);
        var account = new ServiceAccount(site.name() + "-clusterset-dns-sa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).build()).build(), onSite);
        var role = new ClusterRole(site.name() + "-clusterset-dns-role", ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).build())
                .rules(List.of(
                        PolicyRuleArgs.builder().apiGroups("").resources("services", "namespaces").verbs("list", "watch").build(),
                        PolicyRuleArgs.builder().apiGroups("discovery.k8s.io").resources("endpointslices").verbs("list", "watch").build(),
                        PolicyRuleArgs.builder().apiGroups("multicluster.x-k8s.io").resources("serviceimports").verbs("list", "watch").build()))
                .build(), onSite);
        var binding = new ClusterRoleBinding(site.name() + "-clusterset-dns-binding", ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(name).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(name).namespace(ns).build())
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(List.of(role, account)).build());
        var config = new ConfigMap(site.name() + "-clusterset-dns-config", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).build())
                .data(Map.of("Corefile", corefile()))
                .build(), onSite);
        var deployment = new Deployment(site.name() + "-clusterset-dns", DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).labels(labels).build())
                .spec(Workloads.deployment(2, labels, PodSpecArgs.builder()
                        .serviceAccountName(name)
                        .containers(ContainerArgs.builder()
                                .name("coredns")
                                .image(ClustersetDnsFacts.IMAGE)
                                .args("-conf", "/etc/coredns/Corefile")
                                .ports(ContainerPortArgs.builder().name("dns").containerPort(53).protocol("UDP").build(),
                                        ContainerPortArgs.builder().name("dns-tcp").containerPort(53).protocol("TCP").build())
                                .volumeMounts(VolumeMountArgs.builder().name("config").mountPath("/etc/coredns").readOnly(true).build())
                                .build())
                        .volumes(VolumeArgs.builder().name("config")
                                .configMap(ConfigMapVolumeSourceArgs.builder().name(name).build()).build())
                        .build()))
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider())
                .dependsOn(List.of(cilium, binding, config)).build());
        this.service = new Service(site.name() + "-clusterset-dns-svc", ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).namespace(ns).labels(labels).build())
                .spec(ServiceSpecArgs.builder()
                        .clusterIP(resolverIp)
                        .selector(labels)
                        .ports(ServicePortArgs.builder().name("dns").port(53).protocol("UDP").build(),
                                ServicePortArgs.builder().name("dns-tcp").port(53).protocol("TCP").build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(deployment).build());
        registerOutputs(Map.of("resolverIp", com.pulumi.core.Output.of(resolverIp)));
    }

    /** The resolver's Corefile: the zone alone, from the kubernetes plugin with its multicluster option. */
    static String corefile() {
        String zone = ClustersetDnsFacts.ZONE;
        return zone + ":53 {\n"
                + "    errors\n"
                + "    kubernetes " + zone + " {\n"
                + "        multicluster " + zone + "\n"
                + "    }\n"
                + "    cache 30\n"
                + "}\n";
    }
}
