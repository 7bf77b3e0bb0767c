package dev.multisite.topology;

import java.util.List;

/**
 * Settings that only an {@code azure} site has.
 *
 * @param resourceGroup       the resource group created for the site (required)
 * @param subscriptionId      the subscription to deploy into; default: the one of the ambient Azure login
 * @param adminGroupObjectIds Entra ID group object ids (UUIDs) that administer the cluster
 *                            ({@code aadProfile.adminGroupObjectIDs}); default none: only the deploying
 *                            principal gets a role (Azure Kubernetes Service RBAC Cluster Admin)
 * @param kubeloginMode       how the site's kubeconfig obtains its Entra token (kubelogin {@code --login});
 *                            default {@code azurecli}; never device code
 * @param deployerPrincipalType the kind of principal that runs Pulumi, the {@code principalType} of its
 *                            role assignment (ARM rejects a type that does not match the principal);
 *                            default none: the property is left out and ARM infers it (a CI logged in
 *                            with {@code az login --service-principal} under {@code azurecli} is no User)
 */
public record AzureSettings(@Required String resourceGroup, String subscriptionId, List<String> adminGroupObjectIds, KubeloginMode kubeloginMode,
                            PrincipalType deployerPrincipalType) implements ProviderSettings {
    public AzureSettings {
        adminGroupObjectIds = adminGroupObjectIds == null ? List.of() : List.copyOf(adminGroupObjectIds);
        kubeloginMode = kubeloginMode == null ? KubeloginMode.AZURECLI : kubeloginMode;
    }

    /** Shorthand for a site with no admin groups and the default login mode. */
    public AzureSettings(String resourceGroup, String subscriptionId) {
        this(resourceGroup, subscriptionId, null, null, null);
    }

    /** The principal type to send, when the topology sets one. */
    public java.util.Optional<PrincipalType> principalType() {
        return java.util.Optional.ofNullable(deployerPrincipalType);
    }

    /** Role assignment principal types, spelled as ARM spells them. */
    public enum PrincipalType {
        User, ServicePrincipal
    }

    /**
     * The non-interactive kubelogin login modes (https://azure.github.io/kubelogin/concepts/login-modes.html):
     * {@code azurecli} reuses {@code az login}; {@code workloadidentity} reads the federated token that
     * the workload identity webhook mounts ({@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID},
     * {@code AZURE_FEDERATED_TOKEN_FILE}); {@code spn} a service principal from
     * {@code AAD_SERVICE_PRINCIPAL_CLIENT_ID} / {@code AAD_SERVICE_PRINCIPAL_CLIENT_SECRET}
     * (or {@code AZURE_CLIENT_ID} / {@code AZURE_CLIENT_SECRET}). Device code is interactive and not offered.
     */
    public enum KubeloginMode {
        AZURECLI, WORKLOADIDENTITY, SPN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
