package dev.multisite.site;

import com.pulumi.core.Output;

/**
 * How Kubernetes service accounts of a site obtain cloud credentials without static keys.
 *
 * @param kind        which mechanism the cloud uses
 * @param issuerUrl   the cluster's OIDC issuer URL (EKS, AKS; for GKE the cluster's issuer)
 * @param providerArn the IAM OIDC provider ARN for IRSA trust policies (EKS only, else empty)
 * @param workloadPool the workload identity pool, e.g. {@code my-project.svc.id.goog} (GKE only, else empty)
 */
public record WorkloadIdentity(Kind kind, Output<String> issuerUrl, Output<String> providerArn, String workloadPool) {

    public enum Kind {
        /** IAM roles for service accounts, trusted through the cluster's IAM OIDC provider. */
        AWS_IRSA,
        /** GKE Workload Identity: KSA impersonates a GSA through the project's workload pool. */
        GCP_WORKLOAD_IDENTITY,
        /** Microsoft Entra Workload ID: federated credentials on a managed identity. */
        AZURE_WORKLOAD_IDENTITY
    }
}
