package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code sites[].azure}: settings only an {@code azure} site has (required on one).
 * Getters return null for an absent key.
 */
public final class AzureArgs extends ResourceArgs {

    /** The resource group created for the site. */
    @Import(name = "resourceGroup", required = true)
    private String resourceGroup;

    /** The subscription to deploy into (a GUID); default the ambient Azure login's. */
    @Import(name = "subscriptionId", required = false)
    private String subscriptionId;

    /** Entra ID group object ids that administer the cluster; default none. */
    @Import(name = "adminGroupObjectIds", required = false)
    private List<String> adminGroupObjectIds;

    /**
     * How the kubeconfig gets its Entra token: {@code azurecli} (default), {@code workloadidentity}
     * or {@code spn}.
     */
    @Import(name = "kubeloginMode", required = false)
    private String kubeloginMode;

    /**
     * {@code User} or {@code ServicePrincipal}, the deploying principal's role assignment type;
     * default {@code User} with {@code azurecli}, else {@code ServicePrincipal}.
     */
    @Import(name = "deployerPrincipalType", required = false)
    private String deployerPrincipalType;

    public AzureArgs() {
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public List<String> adminGroupObjectIds() {
        return adminGroupObjectIds;
    }

    public String kubeloginMode() {
        return kubeloginMode;
    }

    public String deployerPrincipalType() {
        return deployerPrincipalType;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AzureArgs args = new AzureArgs();

        public Builder resourceGroup(String resourceGroup) {
            args.resourceGroup = resourceGroup;
            return this;
        }

        public Builder subscriptionId(String subscriptionId) {
            args.subscriptionId = subscriptionId;
            return this;
        }

        public Builder adminGroupObjectIds(List<String> adminGroupObjectIds) {
            args.adminGroupObjectIds = adminGroupObjectIds;
            return this;
        }

        public Builder kubeloginMode(String kubeloginMode) {
            args.kubeloginMode = kubeloginMode;
            return this;
        }

        public Builder deployerPrincipalType(String deployerPrincipalType) {
            args.deployerPrincipalType = deployerPrincipalType;
            return this;
        }

        public AzureArgs build() {
            return args;
        }
    }
}
