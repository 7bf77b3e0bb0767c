package dev.multisite.stack.runbook;

import dev.multisite.topology.CloudProvider;

import java.util.List;

/**
 * Per cloud, the upstream documents a layer's setup follows and what the offline plan (mock
 * engine, no account) cannot show: the runbooks print them so an operator knows what to check on
 * the first real {@code pulumi up}.
 */
final class UpstreamSources {
    private UpstreamSources() {
    }

    /** A document the setup follows, and the limits nobody has verified against a real account. */
    record Entry(List<String> documents, List<String> unverified) {
    }

    static Entry database(CloudProvider provider) {
        return switch (provider) {
            case AWS -> new Entry(List.of(
                    "Amazon RDS User Guide: \"Working with DB instance read replicas\" (cross-Region replicas, KMS key of the replica's Region)",
                    "Amazon RDS User Guide: \"Password management with Amazon RDS and AWS Secrets Manager\" (manageMasterUserPassword)"),
                    List.of("the time a cross-Region replica takes to create and catch up", "IAM database authentication from each site's workloads"));
            case GCP -> new Entry(List.of(
                    "Cloud SQL for PostgreSQL: \"Configure private IP\" (private services access, servicenetworking connection)",
                    "Cloud SQL: \"Introduction to Cloud SQL editions\" and \"Machine series overview\" (db-custom-* tiers need edition ENTERPRISE;"
                            + " settings.edition in terraform-provider-google sql_database_instance)",
                    "Cloud SQL: \"Cross-region replicas\" (masterInstanceName; a replica in another project would need project:instance and Shared VPC,"
                            + " which the parser rejects)"),
                    List.of("that a cross-region replica in another site's VPC of the same project reaches the primary over the"
                            + " private services connection", "IAM database authentication from GKE Workload Identity"));
            case AZURE -> new Entry(List.of(
                    "Azure Database for PostgreSQL flexible server: \"Networking overview with private access (VNet integration)\""
                            + " (subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers, private DNS zone <name>.private.postgres.database.azure.com"
                            + " linked to the VNet before the server is created)",
                    "\"Microsoft Entra authentication with Azure Database for PostgreSQL flexible server\" and azure-native"
                            + " dbforpostgresql.Administrator (objectId, principalName, principalType ServicePrincipal, tenantId)",
                    "\"Microsoft Entra Workload ID on AKS\" (federated identity credential: issuer, subject"
                            + " system:serviceaccount:<ns>:<sa>, audience api://AzureADTokenExchange)"),
                    List.of("that read replicas take the primary's Entra administrator", "name resolution of the private zone from"
                            + " non-Azure sites (they would need an Azure DNS Private Resolver; not built)",
                            "Entra ID accepting the federated token from each AKS issuer", "the pinned API version (PostgreSQL 14 at most)"));
            case EXISTING -> new Entry(List.of(), List.of());
        };
    }

    static Entry clusterAccess(CloudProvider provider) {
        return switch (provider) {
            case AWS -> new Entry(List.of("Amazon EKS User Guide: \"Grant IAM users access to Kubernetes with EKS access entries\"",
                    "aws eks get-token (AWS CLI reference)"), List.of("the access entry of the deploying principal"));
            case GCP -> new Entry(List.of("GKE: \"Install kubectl and configure cluster access\" (gke-gcloud-auth-plugin)"), List.of());
            case AZURE -> new Entry(List.of(
                    "AKS: \"Use Azure RBAC for Kubernetes authorization\" (built-in role Azure Kubernetes Service RBAC Cluster Admin,"
                            + " b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b, assigned at the managed cluster's scope)",
                    "kubelogin: \"get-token\" and \"Login modes\" (azurecli, workloadidentity, spn; server id 6dae42f8-4368-4678-94ff-3960e28e3630)"),
                    List.of("how long the role assignment takes to propagate (the access check waits up to 10 minutes for it)",
                            "that deployerPrincipalType, when set, matches the principal that runs Pulumi (left out, ARM infers it)"));
            case EXISTING -> new Entry(List.of(), List.of("the kubeconfig's own credentials"));
        };
    }

    static void append(Markdown md, String title, CloudProvider provider, Entry entry) {
        if (entry.documents().isEmpty() && entry.unverified().isEmpty()) {
            return;
        }
        md.p("**" + title + " on " + provider.key() + "** follows: " + String.join("; ", entry.documents())
                + (entry.unverified().isEmpty() ? "." : ". Not verifiable without a real account: " + String.join("; ", entry.unverified()) + "."));
    }
}
