package dev.multisite.site;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.ProviderArgs;
import com.pulumi.azurenative.containerservice.ContainerserviceFunctions;
import com.pulumi.azurenative.containerservice.ManagedCluster;
import com.pulumi.azurenative.containerservice.ManagedClusterArgs;
import com.pulumi.azurenative.containerservice.inputs.ContainerServiceNetworkProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ListManagedClusterUserCredentialsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAADProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAPIServerAccessProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterOIDCIssuerProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileWorkloadIdentityArgs;
import com.pulumi.azurenative.network.NetworkSecurityGroup;
import com.pulumi.azurenative.network.NetworkSecurityGroupArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.NodePool;
import dev.multisite.topology.SiteSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An AKS site: a resource group, its own virtual network and node subnet, and a managed cluster
 * with Entra ID (AAD) auth and Azure RBAC, local accounts disabled, the API server limited to
 * {@code kubernetes.apiAccessCidrs}, the OIDC issuer and workload identity on, and the node pools.
 *
 * <p>The network plugin is {@code none} (bring your own CNI): Multisite installs Cilium itself so
 * that AKS can join the same Cluster Mesh as every other site, with the site's pod and service
 * CIDRs. The kubeconfig is the cluster's exec-format user credential (kubelogin), not an admin cert.
 */
public final class AksSite extends SiteComponent {
    public static final String TYPE = "multisite:site:AksSite";

    private final Provider azure;
    private final Output<String> resourceGroupName;
    private final Output<String> virtualNetworkName;
    private final Output<String> virtualNetworkId;
    private final Subnet nodeSubnet;
    private final Output<String> nodeSecurityGroupName;

    public AksSite(SiteSpec spec, ComponentResourceOptions options) {
        super(TYPE, spec, options);
        var providerArgs = ProviderArgs.builder();
        if (spec.azure().subscriptionId() != null) {
            providerArgs.subscriptionId(spec.azure().subscriptionId());
        }
        this.azure = new Provider(childName("azure"), providerArgs.build(), child());

        var group = new ResourceGroup(childName("rg"), ResourceGroupArgs.builder()
                .resourceGroupName(spec.azure().resourceGroup())
                .location(spec.region())
                .tags(tags())
                .build(), onAzure());
        this.resourceGroupName = group.name();
        Cidr vpc = spec.network().vpcCidr();
        var vnet = new VirtualNetwork(childName("vnet"), VirtualNetworkArgs.builder()
                .resourceGroupName(group.name())
                .location(spec.region())
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(vpc.toString()).build())
                .tags(tags())
                .build(), CustomResourceOptions.builder().parent(this).provider(azure)
                // Subnets are managed as their own resources; do not let the vnet fight over them.
                .ignoreChanges("subnets").build());
        // The node subnet's security group: its rules are separate resources (the interconnect adds them).
        var nodeSecurityGroup = new NetworkSecurityGroup(childName("nodes-nsg"), NetworkSecurityGroupArgs.builder()
                .resourceGroupName(group.name())
                .location(spec.region())
                .tags(tags())
                .build(), CustomResourceOptions.builder().parent(this).provider(azure).ignoreChanges("securityRules").build());
        var nodes = new Subnet(childName("nodes"), SubnetArgs.builder()
                .resourceGroupName(group.name())
                .virtualNetworkName(vnet.name())
                .addressPrefix(SubnetLayout.privateSubnet(vpc, 0).toString())
                .networkSecurityGroup(com.pulumi.azurenative.network.inputs.NetworkSecurityGroupArgs.builder().id(nodeSecurityGroup.id()).build())
                .build(), onAzure());
        this.virtualNetworkName = vnet.name();
        this.virtualNetworkId = vnet.id();
        this.nodeSubnet = nodes;
        this.nodeSecurityGroupName = nodeSecurityGroup.name();

        var k8s = spec.kubernetes();
        List<ManagedClusterAgentPoolProfileArgs> pools = new ArrayList<>();
        for (int i = 0; i < k8s.nodePools().size(); i++) {
            NodePool pool = k8s.nodePools().get(i);
            pools.add(ManagedClusterAgentPoolProfileArgs.builder()
                    .name(pool.name())
                    // The first pool hosts system pods; AKS requires at least one System pool.
                    .mode(i == 0 ? "System" : "User")
                    .vmSize(pool.machineType())
                    .enableAutoScaling(true)
                    .minCount(pool.min())
                    .maxCount(pool.max())
                    .count(pool.min())
                    .availabilityZones("1", "2", "3")
                    .vnetSubnetID(nodes.id())
                    .osType("Linux")
                    .type("VirtualMachineScaleSets")
                    .nodeLabels(java.util.Map.of("multisite/pool", pool.name()))
                    .build());
        }
        var cluster = new ManagedCluster(childName("aks"), ManagedClusterArgs.builder()
                .resourceGroupName(group.name())
                .location(spec.region())
                .dnsPrefix("ms-" + spec.name())
                .kubernetesVersion(k8s.version())
                .identity(ManagedClusterIdentityArgs.builder().type(com.pulumi.azurenative.containerservice.enums.ResourceIdentityType.SystemAssigned).build())
                .agentPoolProfiles(pools)
                .networkProfile(ContainerServiceNetworkProfileArgs.builder()
                        .networkPlugin("none")
                        .podCidr(spec.network().podCidr().toString())
                        .serviceCidr(spec.network().serviceCidr().toString())
                        .dnsServiceIP(spec.network().serviceCidr().address(10))
                        .build())
                .apiServerAccessProfile(ManagedClusterAPIServerAccessProfileArgs.builder()
                        .authorizedIPRanges(k8s.apiAccessCidrs().stream().map(Cidr::toString).toList()).build())
                .aadProfile(ManagedClusterAADProfileArgs.builder().managed(true).enableAzureRBAC(true).build())
                .disableLocalAccounts(true)
                .enableRBAC(true)
                .oidcIssuerProfile(ManagedClusterOIDCIssuerProfileArgs.builder().enabled(true).build())
                .securityProfile(ManagedClusterSecurityProfileArgs.builder()
                        .workloadIdentity(ManagedClusterSecurityProfileWorkloadIdentityArgs.builder().enabled(true).build()).build())
                .tags(tags())
                .build(), onAzure());

        Output<String> kubeconfig = ContainerserviceFunctions.listManagedClusterUserCredentials(
                        ListManagedClusterUserCredentialsArgs.builder()
                                .resourceGroupName(group.name())
                                .resourceName(cluster.name())
                                .format("exec")
                                .build(),
                        new InvokeOptions(this, azure, null))
                .applyValue(result -> new String(Base64.getDecoder().decode(result.kubeconfigs().get(0).value()), StandardCharsets.UTF_8));
        Output<String> issuer = cluster.oidcIssuerProfile()
                .applyValue(p -> p.map(profile -> profile.issuerURL()).orElse(""));
        complete(cluster.name(), cluster.fqdn().applyValue(fqdn -> "https://" + fqdn + ":443"), kubeconfig,
                Optional.of(new WorkloadIdentity(WorkloadIdentity.Kind.AZURE_WORKLOAD_IDENTITY, issuer, Output.of(""), "")));
    }

    /** The azure-native provider of this site. */
    public Provider azureProvider() {
        return azure;
    }

    /** The site's resource group, for components that add Azure resources to the site. */
    public Output<String> resourceGroupName() {
        return resourceGroupName;
    }

    /** The site's virtual network name, for the gateway subnet. */
    public Output<String> virtualNetworkName() {
        return virtualNetworkName;
    }

    /** The site's virtual network id, what VNet peering names the remote network by. */
    public Output<String> virtualNetworkId() {
        return virtualNetworkId;
    }

    /** The node subnet; other subnets of the vnet are created after it (Azure serialises subnet writes). */
    public Subnet nodeSubnet() {
        return nodeSubnet;
    }

    /** The network security group on the node subnet, for rules from remote sites. */
    public Output<String> nodeSecurityGroupName() {
        return nodeSecurityGroupName;
    }

    private CustomResourceOptions onAzure() {
        return CustomResourceOptions.builder().parent(this).provider(azure).build();
    }
}
