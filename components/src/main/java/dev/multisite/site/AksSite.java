package dev.multisite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
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
import com.pulumi.azurenative.authorization.enums.PrincipalType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InvokeArgs;
import dev.multisite.topology.AzureSettings;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.NodePool;
import dev.multisite.topology.SiteSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * CIDRs. The kubeconfig is the cluster's exec-format user credential (kubelogin), not an admin cert,
 * with an explicit, non-interactive login mode ({@code azure.kubeloginMode}, default {@code azurecli}).
 *
 * <p>With Azure RBAC on and local accounts off, nobody can use the API until someone holds an AKS
 * RBAC role: the deploying principal (the ambient login's object id, {@code authorization:getClientConfig})
 * gets "Azure Kubernetes Service RBAC Cluster Admin" on the cluster, and the Kubernetes provider waits
 * for that assignment; {@code azure.adminGroupObjectIds} become the cluster's admin groups.
 */
public final class AksSite extends SiteComponent implements AzureSite {
    public static final String TYPE = "multisite:site:AksSite";
    /**
     * Built-in role "Azure Kubernetes Service RBAC Cluster Admin" (manage every resource in the
     * cluster). Source: Microsoft Learn, "Azure built-in roles" (Containers), role id
     * b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b; "Use Azure RBAC for Kubernetes authorization" assigns
     * it at the managed cluster's scope.
     */
    public static final String AKS_RBAC_CLUSTER_ADMIN_ROLE = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b";
    /**
     * The application id of the AKS AAD server every managed-AAD cluster accepts tokens for
     * (kubelogin "Using kubelogin with AKS": {@code --server-id 6dae42f8-4368-4678-94ff-3960e28e3630}).
     */
    public static final String AKS_AAD_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Provider azure;
    private final Output<String> resourceGroupName;
    private final Output<String> virtualNetworkName;
    private final Output<String> virtualNetworkId;
    private Subnet lastSubnet;
    private final Output<String> nodeSecurityGroupName;
    private final Output<GetClientConfigResult> clientConfig;
    private final RoleAssignment deployerRole;

    public AksSite(SiteSpec spec, ComponentResourceOptions options) {
        super(TYPE, spec, options);
        this.azure = new Provider(childName("azure"), providerArgs(spec), child());
        // The ambient login (tenant, subscription, object id) of whoever runs Pulumi: an invoke.
        this.clientConfig = AuthorizationFunctions.getClientConfig(InvokeArgs.Empty, new InvokeOptions(this, azure, null));
        var group = new ResourceGroup(childName("rg"), ResourceGroupArgs.builder()
                .resourceGroupName(spec.azure().resourceGroup())
                .location(spec.region())
                .tags(tags())
                .build(), onAzure());
        this.resourceGroupName = group.name();
        var network = network(spec, group);
        this.virtualNetworkName = network.vnet().name();
        this.virtualNetworkId = network.vnet().id();
        this.lastSubnet = network.nodes();
        this.nodeSecurityGroupName = network.nodeSecurityGroup().name();
        var cluster = cluster(spec, group, network.nodes());
        this.deployerRole = deployerRole(spec, cluster);
        Output<String> kubeconfig = userKubeconfig(spec, group, cluster);
        // Role assignments take effect minutes after they exist: the provider's kubeconfig (and so every
        // Kubernetes resource of the site) waits for the bounded access check (AksAccessCheck).
        var accessCheck = AksAccessCheck.create(spec.name(), kubeconfig, this);
        Output<String> provenKubeconfig = Output.tuple(kubeconfig, accessCheck.id()).applyValue(t -> t.t1);
        Output<String> issuer = cluster.oidcIssuerProfile()
                .applyValue(p -> p.map(profile -> profile.issuerURL()).orElse(""));
        complete(cluster.name(), cluster.fqdn().applyValue(fqdn -> "https://" + fqdn + ":443"), provenKubeconfig,
                Optional.of(new WorkloadIdentity(WorkloadIdentity.Kind.AZURE_WORKLOAD_IDENTITY, issuer, Output.of(""), "")));
    }

    /** The site's virtual network, its node subnet and that subnet's security group. */
    private record SiteVnet(VirtualNetwork vnet, NetworkSecurityGroup nodeSecurityGroup, Subnet nodes) {
    }

    private SiteVnet network(SiteSpec spec, ResourceGroup group) {
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
        return new SiteVnet(vnet, nodeSecurityGroup, nodes);
    }

    /** The managed cluster on the node subnet: no CNI (Cilium), Entra ID with Azure RBAC, workload identity. */
    private ManagedCluster cluster(SiteSpec spec, ResourceGroup group, Subnet nodes) {
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
        return new ManagedCluster(childName("aks"), ManagedClusterArgs.builder()
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
                .aadProfile(ManagedClusterAADProfileArgs.builder().managed(true).enableAzureRBAC(true)
                        .adminGroupObjectIDs(spec.azure().adminGroupObjectIds()).build())
                .disableLocalAccounts(true)
                .enableRBAC(true)
                .oidcIssuerProfile(ManagedClusterOIDCIssuerProfileArgs.builder().enabled(true).build())
                .securityProfile(ManagedClusterSecurityProfileArgs.builder()
                        .workloadIdentity(ManagedClusterSecurityProfileWorkloadIdentityArgs.builder().enabled(true).build()).build())
                .tags(tags())
                .build(), onAzure());
    }

    /**
     * Azure RBAC is on and local accounts are off: without a role assignment every Kubernetes
     * call is a 403. The deploying principal gets cluster admin at the cluster's scope
     * (azure-native authorization.RoleAssignment: principalId, roleDefinitionId, scope).
     */
    private RoleAssignment deployerRole(SiteSpec spec, ManagedCluster cluster) {
        Output<String> subscription = subscriptionId();
        // principalType only when set: ARM infers it when it is left out, where a wrong one fails
        // with UnmatchedPrincipalType (Azure RBAC docs, "Assign Azure roles using the REST API":
        // principalType is optional; set it only to ride out Entra ID replication delay).
        var roleArgs = RoleAssignmentArgs.builder()
                .principalId(clientConfig.applyValue(GetClientConfigResult::objectId))
                .roleDefinitionId(subscription.applyValue(AksSite::clusterAdminRoleDefinitionId))
                .scope(cluster.id())
                .description("Multisite: the principal that deploys this stack administers cluster " + spec.name());
        // The pinned SDK (azure-native 2.10.0) fills the schema default "User" into an unset
        // principalType (RoleAssignmentArgs.Builder.build: Codegen ... def("User")); an explicit
        // null Output reaches the engine as no value, so ARM infers the type.
        roleArgs.principalType(spec.azure().principalType()
                .map(type -> Output.<Either<String, PrincipalType>>of(Either.ofLeft(type.name())))
                .orElse(Output.ofNullable(null)));
        return new RoleAssignment(childName("deployer-cluster-admin"), roleArgs.build(), onAzure());
    }

    /** The cluster's user credential as a kubelogin kubeconfig, once the deployer's role assignment exists. */
    private Output<String> userKubeconfig(SiteSpec spec, ResourceGroup group, ManagedCluster cluster) {
        AzureSettings.KubeloginMode mode = spec.azure().kubeloginMode();
        return Output.tuple(ContainerserviceFunctions.listManagedClusterUserCredentials(
                        ListManagedClusterUserCredentialsArgs.builder()
                                .resourceGroupName(group.name())
                                .resourceName(cluster.name())
                                .format("exec")
                                .build(),
                        new InvokeOptions(this, azure, null)), clientConfig, deployerRole.id())
                // Every Kubernetes child waits for the role assignment (it reads this kubeconfig).
                .applyValue(t -> kubeconfig(spec.name(), new String(Base64.getDecoder().decode(t.t1.kubeconfigs().get(0).value()),
                        StandardCharsets.UTF_8), mode, t.t2.tenantId()));
    }

    /** The role definition id of AKS RBAC Cluster Admin in a subscription. */
    static String clusterAdminRoleDefinitionId(String subscriptionId) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/" + AKS_RBAC_CLUSTER_ADMIN_ROLE;
    }

    /**
     * The site's kubeconfig: server and CA from the cluster's user credential, the user an exec of
     * {@code kubelogin get-token} with an explicit login mode (the credential AKS returns defaults to
     * interactive device code). Flags from https://azure.github.io/kubelogin/cli/get-token.html.
     */
    public static String kubeconfig(String site, String userCredential, AzureSettings.KubeloginMode mode, String tenantId) {
        JsonNode cluster;
        try {
            cluster = YAML.readTree(userCredential).path("clusters").path(0).path("cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("get-token", "--login", mode.key(), "--server-id", AKS_AAD_SERVER_ID,
                "--environment", "AzurePublicCloud"));
        if (mode == AzureSettings.KubeloginMode.SPN) {
            // The client id and secret come from AAD_SERVICE_PRINCIPAL_CLIENT_ID / _CLIENT_SECRET.
            args.addAll(List.of("--tenant-id", tenantId));
        }
        return Kubeconfigs.exec(site, cluster.path("server").asText(), cluster.path("certificate-authority-data").asText(),
                new Kubeconfigs.ExecPlugin("kubelogin", args, List.of(),
                        "kubelogin is required (az aks install-cli, or https://azure.github.io/kubelogin/install.html); login mode "
                                + mode.key() + (mode == AzureSettings.KubeloginMode.AZURECLI ? " needs az login first" : "")));
    }

    /** The site's subscription: {@code azure.subscriptionId}, or the ambient Azure login's. */
    public Output<String> subscriptionId() {
        return spec().azure().subscriptionId() != null ? Output.of(spec().azure().subscriptionId())
                : clientConfig.applyValue(GetClientConfigResult::subscriptionId);
    }

    /** The tenant of the ambient Azure login, for Entra ID resources of the site (database administrators). */
    public Output<String> tenantId() {
        return clientConfig.applyValue(GetClientConfigResult::tenantId);
    }

    /** The role assignment that lets the deploying principal use the cluster's API. */
    public RoleAssignment deployerRole() {
        return deployerRole;
    }


    /** The site's azure-native provider settings: its subscription when the topology names one, else the ambient login's. */
    public static ProviderArgs providerArgs(SiteSpec spec) {
        var args = ProviderArgs.builder();
        if (spec.azure().subscriptionId() != null) {
            args.subscriptionId(spec.azure().subscriptionId());
        }
        return args.build();
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

    /**
     * The subnet of this VNet created last: a new subnet depends on it, so the VNet's subnets are
     * written one at a time (Azure rejects concurrent subnet writes in one VNet).
     */
    public Subnet lastSubnet() {
        return lastSubnet;
    }

    /** Records a subnet another component added to this VNet (after {@link #lastSubnet()}). */
    public void addSubnet(Subnet subnet) {
        this.lastSubnet = subnet;
    }

    /** The network security group on the node subnet, for rules from remote sites. */
    public Output<String> nodeSecurityGroupName() {
        return nodeSecurityGroupName;
    }

    private CustomResourceOptions onAzure() {
        return CustomResourceOptions.builder().parent(this).provider(azure).build();
    }
}
