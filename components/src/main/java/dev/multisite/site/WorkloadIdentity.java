package dev.multisite.site;

import com.pulumi.core.Output;

/**
 * How Kubernetes service accounts of a site obtain cloud credentials without static keys.
 *
 * @param kind        which mechanism the cloud uses
 * @param issuerUrl   the cluster's OIDC issuer URL exactly as the cluster reports it, which is its
 *                    tokens' {@code iss} (AKS ends it with {@code /}). An Entra federated credential
 *                    takes it as is: its issuer "must match the issuer claim of the external token"
 *                    (Microsoft Graph, federatedIdentityCredential resource type). AWS IAM wants
 *                    another form: use {@link #iamIssuerUrl()}.
 * @param providerArn the IAM OIDC provider ARN for IRSA trust policies (EKS only, else empty)
 * @param workloadPool the workload identity pool, e.g. {@code my-project.svc.id.goog} (GKE only, else empty)
 */
public record WorkloadIdentity(Kind kind, Output<String> issuerUrl, Output<String> providerArn, String workloadPool) {

    /** The issuer as AWS IAM identifies an OIDC provider (see {@link #iamIssuerUrl(String)}). */
    public Output<String> iamIssuerUrl() {
        return issuerUrl.applyValue(WorkloadIdentity::iamIssuerUrl);
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
