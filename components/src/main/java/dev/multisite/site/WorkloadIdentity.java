package dev.multisite.site;

import com.pulumi.core.Output;

/**
 * How Kubernetes service accounts of a site obtain cloud credentials without static keys.
 *
 * @param kind        which mechanism the cloud uses
 * @param issuerUrl   the cluster's OIDC issuer URL (EKS, AKS; for GKE the cluster's issuer), in the
 *                    form AWS IAM identifies an OIDC provider by: {@code https://host/path} without a
 *                    trailing slash (see {@link #iamIssuerUrl}). AKS reports its issuer with a
 *                    trailing {@code /}; a consumer that needs the token's exact {@code iss} (an Entra
 *                    federated credential) must add it back.
 * @param providerArn the IAM OIDC provider ARN for IRSA trust policies (EKS only, else empty)
 * @param workloadPool the workload identity pool, e.g. {@code my-project.svc.id.goog} (GKE only, else empty)
 */
public record WorkloadIdentity(Kind kind, Output<String> issuerUrl, Output<String> providerArn, String workloadPool) {

    public WorkloadIdentity {
        issuerUrl = issuerUrl.applyValue(WorkloadIdentity::iamIssuerUrl);
    }

    /**
     * An issuer URL as AWS IAM takes it for an OIDC provider: it "must begin with https://" and
     * "should correspond to the iss claim" (IAM API CreateOpenIDConnectProvider, Url), and the web
     * identity condition keys of a trust policy are that URL without {@code https://} followed by
     * {@code :sub} / {@code :aud} (IAM User Guide, "Available keys for AWS OIDC federation"), so a
     * trailing {@code /} (as AKS reports it) would make keys like {@code .../:sub}. Trailing slashes
     * are removed; an issuer that is not https is refused, naming the value.
     */
    public static String iamIssuerUrl(String issuer) {
        String url = issuer.strip();
        if (!url.startsWith("https://") || url.length() == "https://".length()) {
            throw new IllegalArgumentException("OIDC issuer '" + issuer + "' is not an https:// URL; AWS IAM accepts only https issuers");
        }
        while (url.endsWith("/") && url.length() > "https://x".length()) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    public enum Kind {
        /** IAM roles for service accounts, trusted through the cluster's IAM OIDC provider. */
        AWS_IRSA,
        /** GKE Workload Identity: KSA impersonates a GSA through the project's workload pool. */
        GCP_WORKLOAD_IDENTITY,
        /** Microsoft Entra Workload ID: federated credentials on a managed identity. */
        AZURE_WORKLOAD_IDENTITY
    }
}
