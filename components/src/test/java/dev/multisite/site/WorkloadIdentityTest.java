package dev.multisite.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadIdentityTest {

    @Test
    void aksIssuerLosesItsTrailingSlash() {
        assertThat(WorkloadIdentity.iamIssuerUrl("https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/1234/"))
                .isEqualTo("https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/1234");
        assertThat(WorkloadIdentity.iamIssuerUrl("https://issuer.example.com//")).isEqualTo("https://issuer.example.com");
    }

    @Test
    void eksAndGkeIssuersAreAlreadyInIamForm() {
        String eks = "https://oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
        String gke = "https://container.googleapis.com/v1/projects/p/locations/europe-west4/clusters/c";
        assertThat(WorkloadIdentity.iamIssuerUrl(eks)).isEqualTo(eks);
        assertThat(WorkloadIdentity.iamIssuerUrl(gke)).isEqualTo(gke);
    }

    @Test
    void throwsWhenTheIssuerIsNotHttps() {
        assertThatThrownBy(() -> WorkloadIdentity.iamIssuerUrl("http://issuer.example.com/"))
                .hasMessage("OIDC issuer 'http://issuer.example.com/' is not an https:// URL; AWS IAM accepts only https issuers");
        assertThatThrownBy(() -> WorkloadIdentity.iamIssuerUrl(""))
                .hasMessageContaining("is not an https:// URL");
    }
}
