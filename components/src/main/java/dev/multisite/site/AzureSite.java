package dev.multisite.site;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.core.Output;
import dev.multisite.topology.Cidr;

import java.util.LinkedHashMap;
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

    @Override
    default Optional<AzureSite> azureSite() {
        return Optional.of(this);
    }

    @Override
    default Map<String, Output<?>> facts() {
        Map<String, Output<?>> out = new LinkedHashMap<>(Site.super.facts());
        out.put(SUBSCRIPTION_ID, subscriptionId());
        out.put(TENANT_ID, tenantId());
        out.put(RESOURCE_GROUP_NAME, resourceGroupName());
        out.put(VIRTUAL_NETWORK_NAME, virtualNetworkName());
        out.put(VIRTUAL_NETWORK_ID, virtualNetworkId());
        return out;
    }
}
