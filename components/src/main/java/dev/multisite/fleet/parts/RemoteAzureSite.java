package dev.multisite.fleet.parts;

import com.pulumi.azurenative.Provider;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.multisite.site.AksSite;
import dev.multisite.site.AzureSite;
import dev.multisite.topology.SiteSpec;

/**
 * An Azure site deployed by its own part, read from that part's outputs. Its VNet's own subnets
 * were all written by the site part, so the first subnet this part adds waits for none.
 */
final class RemoteAzureSite extends RemoteSite implements AzureSite {
    private final Provider azure;
    private Subnet lastSubnet;

    RemoteAzureSite(SiteSpec spec, StackFacts facts, Resource parent) {
        super(spec, facts, parent);
        this.azure = new Provider(spec.name() + "-azure", AksSite.providerArgs(spec), options());
    }

    @Override
    public Provider azureProvider() {
        return azure;
    }

    @Override
    public Output<String> subscriptionId() {
        return facts.string(AzureSite.SUBSCRIPTION_ID);
    }

    @Override
    public Output<String> tenantId() {
        return facts.string(AzureSite.TENANT_ID);
    }

    @Override
    public Output<String> resourceGroupName() {
        return facts.string(AzureSite.RESOURCE_GROUP_NAME);
    }

    @Override
    public Output<String> virtualNetworkName() {
        return facts.string(AzureSite.VIRTUAL_NETWORK_NAME);
    }

    @Override
    public Output<String> virtualNetworkId() {
        return facts.string(AzureSite.VIRTUAL_NETWORK_ID);
    }

    @Override
    public Subnet lastSubnet() {
        return lastSubnet;
    }

    @Override
    public void addSubnet(Subnet subnet) {
        this.lastSubnet = subnet;
    }
}
