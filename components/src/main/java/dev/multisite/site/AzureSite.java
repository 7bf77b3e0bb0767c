package dev.multisite.site;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMapPatch;
import com.pulumi.kubernetes.core.v1.ConfigMapPatchArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import dev.multisite.topology.Cidr;

import java.util.Map;
import java.util.Optional;

/** What components other than the site itself use of an Azure site: its provider, resource group and VNet. */
public interface AzureSite extends Site {
    String SUBSCRIPTION_ID = "subscriptionId";
    String TENANT_ID = "tenantId";
    String RESOURCE_GROUP_NAME = "resourceGroupName";
    String VIRTUAL_NETWORK_NAME = "virtualNetworkName";
    String VIRTUAL_NETWORK_ID = "virtualNetworkId";

    /** The azure-native provider of this site. */
    Provider azureProvider();

    /** The site's subscription: {@code azure.subscriptionId}, or the ambient Azure login's. */
    Output<String> subscriptionId();

    /** The tenant of the ambient Azure login, for Entra ID resources of the site (database administrators). */
    Output<String> tenantId();

    /** The site's resource group, for components that add Azure resources to the site. */
    Output<String> resourceGroupName();

    /** The site's virtual network name. */
    Output<String> virtualNetworkName();

    /** The site's virtual network id, what VNet peering names the remote network by. */
    Output<String> virtualNetworkId();

    /**
     * The subnet of this VNet created last, or null when the VNet's subnets were all written by
     * another part: a new subnet depends on it, so the VNet's subnets are written one at a time
     * (Azure rejects concurrent subnet writes in one VNet).
     */
    Subnet lastSubnet();

    /** Records a subnet another component added to this VNet (after {@link #lastSubnet()}). */
    void addSubnet(Subnet subnet);

    /**
     * The range of the subnet delegated to {@code Microsoft.DBforPostgreSQL/flexibleServers}: the
     * thirteenth sixteenth of the VNet, a public-subnet slot that Azure sites do not use (nodes
     * take the first quarter, the GatewaySubnet the last sixteenth). A /23 VNet gives a /27, above
     * the /28 minimum Flexible Server asks for.
     */
    default Cidr databaseSubnetRange() {
        return SubnetLayout.publicSubnet(spec().network().vpcCidr(), 0);
    }

    /**
     * A Service of the cluster: a server block in {@code coredns-custom} (AKS's main Corefile cannot be
     * changed; the ConfigMap's {@code *.server} keys add server blocks: Microsoft Learn "Customize
     * CoreDNS with Azure Kubernetes Service"). Routed resolvers: never, an Azure site resolves the
     * Azure private zones linked to its VNet.
     */
    @Override
    default void forwardZone(ZoneForward forward) {
        switch (forward.reach()) {
            case CLUSTER_SERVICE -> new ConfigMapPatch(name() + "-coredns-custom", ConfigMapPatchArgs.builder()
                    .metadata(ObjectMetaPatchArgs.builder().name("coredns-custom").namespace("kube-system").build())
                    .data(Map.of(forward.label() + ".server", forward.corefileServerBlock()))
                    .build(), forward.options(kubernetesProvider()));
            case ROUTED -> throw new IllegalStateException("site " + name() + " is an Azure site: it resolves "
                    + forward.zone() + " through the private zones linked to its VNet, not by forwarding");
        }
    }

    @Override
    default Optional<AzureSite> azureSite() {
        return Optional.of(this);
    }

    @Override
    default Map<String, Output<?>> facts() {
        return SiteFacts.withCloud(this, Map.entry(SUBSCRIPTION_ID, subscriptionId()), Map.entry(TENANT_ID, tenantId()),
                Map.entry(RESOURCE_GROUP_NAME, resourceGroupName()), Map.entry(VIRTUAL_NETWORK_NAME, virtualNetworkName()),
                Map.entry(VIRTUAL_NETWORK_ID, virtualNetworkId()));
    }
}
