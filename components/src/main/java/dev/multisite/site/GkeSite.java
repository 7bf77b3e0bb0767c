package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.ProviderArgs;
import com.pulumi.gcp.compute.Network;
import com.pulumi.gcp.compute.NetworkArgs;
import com.pulumi.gcp.compute.Router;
import com.pulumi.gcp.compute.RouterArgs;
import com.pulumi.gcp.compute.RouterNat;
import com.pulumi.gcp.compute.RouterNatArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.SubnetworkArgs;
import com.pulumi.gcp.compute.inputs.SubnetworkSecondaryIpRangeArgs;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs;
import com.pulumi.gcp.container.inputs.ClusterPrivateClusterConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigTaintArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.topology.SiteSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GKE site: its own custom-mode VPC with one subnet whose secondary ranges are the upper half of
 * the site's pod CIDR (Cilium's cluster pool is the lower half) and its service CIDR (VPC-native),
 * Cloud NAT for the private nodes, a regional cluster with private nodes and a public endpoint restricted to {@code kubernetes.apiAccessCidrs}, Workload Identity,
 * and node pools that run as a dedicated least-privilege service account.
 *
 * <p>The datapath is GKE's legacy one, not Dataplane V2: Dataplane V2 is GKE's own managed Cilium,
 * which cannot join a Cilium Cluster Mesh, so Multisite installs upstream Cilium itself.
 */
public final class GkeSite extends SiteComponent implements GcpSite {
    public static final String TYPE = "multisite:site:GkeSite";
    static final String PODS_RANGE = "pods";
    static final String SERVICES_RANGE = "services";

    private final Provider gcp;
    private final Output<String> networkId;
    private final Output<String> networkSelfLink;

    public GkeSite(SiteSpec spec, ComponentResourceOptions options) {
        super(TYPE, spec, options);
        this.gcp = new Provider(childName("gcp"), providerArgs(spec), child());
        var network = new Network(childName("vpc"), NetworkArgs.builder()
                .autoCreateSubnetworks(false)
                .routingMode("GLOBAL")
                .build(), onGcp());
        this.networkId = network.id();
        this.networkSelfLink = network.selfLink();
        var cluster = cluster(spec, network, nodesSubnet(spec, network));
        nodePools(spec, cluster);
        Output<String> endpoint = cluster.endpoint().applyValue(ip -> "https://" + ip);
        Output<String> issuer = cluster.selfLink().applyValue(link -> "https://container.googleapis.com/v1/"
                + link.substring(link.indexOf("projects/")));
        complete(cluster.name(), endpoint, kubeconfig(spec, cluster, endpoint), Optional.of(new WorkloadIdentity(
                WorkloadIdentity.Kind.GCP_WORKLOAD_IDENTITY, issuer, Output.of(""), workloadPool(spec))));
    }

    /** The nodes' subnet with GKE's pods and services secondary ranges, and Cloud NAT for the private nodes. */
    private Subnetwork nodesSubnet(SiteSpec spec, Network network) {
        var subnet = new Subnetwork(childName("nodes"), SubnetworkArgs.builder()
                .network(network.id())
                .region(spec.region())
                .ipCidrRange(spec.network().vpcCidr().toString())
                .privateIpGoogleAccess(true)
                .secondaryIpRanges(
                        SubnetworkSecondaryIpRangeArgs.builder().rangeName(PODS_RANGE).ipCidrRange(spec.gkePodsRange().toString()).build(),
                        SubnetworkSecondaryIpRangeArgs.builder().rangeName(SERVICES_RANGE).ipCidrRange(spec.network().serviceCidr().toString()).build())
                .build(), onGcp());
        var router = new Router(childName("router"), RouterArgs.builder()
                .network(network.id()).region(spec.region()).build(), onGcp());
        new RouterNat(childName("nat"), RouterNatArgs.builder()
                .router(router.name())
                .region(spec.region())
                .natIpAllocateOption("AUTO_ONLY")
                .sourceSubnetworkIpRangesToNat("ALL_SUBNETWORKS_ALL_IP_RANGES")
                .build(), onGcp());
        return subnet;
    }

    /** The VPC-native, private GKE cluster without its default node pool, on the legacy datapath (Cilium is its CNI). */
    private Cluster cluster(SiteSpec spec, Network network, Subnetwork subnet) {
        var k8s = spec.kubernetes();
        String workloadPool = workloadPool(spec);
        return new Cluster(childName("gke"), ClusterArgs.builder()
                .location(spec.region())
                .network(network.id())
                .subnetwork(subnet.id())
                .minMasterVersion(k8s.version())
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                .networkingMode("VPC_NATIVE")
                .datapathProvider("LEGACY_DATAPATH")
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterSecondaryRangeName(PODS_RANGE)
                        .servicesSecondaryRangeName(SERVICES_RANGE).build())
                .privateClusterConfig(ClusterPrivateClusterConfigArgs.builder()
                        .enablePrivateNodes(true)
                        .enablePrivateEndpoint(false)
                        .masterIpv4CidrBlock(spec.gcp().masterIpv4Cidr().toString()).build())
                .masterAuthorizedNetworksConfig(ClusterMasterAuthorizedNetworksConfigArgs.builder()
                        .cidrBlocks(k8s.apiAccessCidrs().stream().map(c -> ClusterMasterAuthorizedNetworksConfigCidrBlockArgs.builder()
                                .cidrBlock(c.toString()).displayName("multisite-api-access").build()).toList())
                        .build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder().workloadPool(workloadPool).build())
                .deletionProtection(true)
                .resourceLabels(tags())
                .build(), onGcp());
    }

    /** The nodes' service account and one autoscaled pool per node pool, tainted until Cilium runs. */
    private void nodePools(SiteSpec spec, Cluster cluster) {
        var k8s = spec.kubernetes();
        var nodeAccount = new Account(childName("nodes-sa"), AccountArgs.builder()
                .accountId(("ms-" + spec.name() + "-nodes").substring(0, Math.min(30, ("ms-" + spec.name() + "-nodes").length())))
                .displayName("Multisite " + spec.name() + " GKE nodes")
                .build(), onGcp());
        for (var pool : k8s.nodePools()) {
            new NodePool(childName("pool-" + pool.name()), NodePoolArgs.builder()
                    .cluster(cluster.id())
                    .location(spec.region())
                    .autoscaling(NodePoolAutoscalingArgs.builder()
                            .totalMinNodeCount(pool.min()).totalMaxNodeCount(pool.max()).locationPolicy("BALANCED").build())
                    .nodeConfig(NodePoolNodeConfigArgs.builder()
                            .machineType(pool.machineType())
                            .serviceAccount(nodeAccount.email())
                            .oauthScopes("https://www.googleapis.com/auth/cloud-platform")
                            .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                            .labels(Map.of("multisite/pool", pool.name()))
                            // Cilium's GKE requirements (cilium/cilium Documentation/installation/
                            // requirements-gke.rst): nodes start with this taint, which the Cilium agent
                            // removes once it runs, so no pod starts on GKE's own CNI before Cilium.
                            .taints(NodePoolNodeConfigTaintArgs.builder()
                                    .key("node.cilium.io/agent-not-ready").value("true").effect("NO_EXECUTE").build())
                            .build())
                    .build(), onGcp());
        }
    }

    /** A kubeconfig that logs in with {@code gke-gcloud-auth-plugin}. */
    private static Output<String> kubeconfig(SiteSpec spec, Cluster cluster, Output<String> endpoint) {
        return Output.tuple(endpoint, cluster.masterAuth())
                .applyValue(t -> Kubeconfigs.exec(spec.name(), t.t1, t.t2.clusterCaCertificate().orElseThrow(),
                        new Kubeconfigs.ExecPlugin("gke-gcloud-auth-plugin", List.of(), List.of(),
                                "Install gke-gcloud-auth-plugin: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl")));
    }

    /** The site's GCP provider settings: its project and region, and its labels on every resource. */
    public static ProviderArgs providerArgs(SiteSpec spec) {
        return ProviderArgs.builder()
                .project(spec.gcp().project())
                .region(spec.region())
                .defaultLabels(tags(spec))
                .build();
    }

    /** The site's Workload Identity pool: the project's. */
    public static String workloadPool(SiteSpec spec) {
        return spec.gcp().project() + ".svc.id.goog";
    }

    /** The GCP provider of this site (project and region from the topology). */
    public Provider gcpProvider() {
        return gcp;
    }

    /** The site's VPC network id, for private services (Cloud SQL private IP). */
    public Output<String> networkId() {
        return networkId;
    }

    /** The site's VPC network self link, what VPC peering names networks by. */
    public Output<String> networkSelfLink() {
        return networkSelfLink;
    }

    private CustomResourceOptions onGcp() {
        return CustomResourceOptions.builder().parent(this).provider(gcp).build();
    }
}
