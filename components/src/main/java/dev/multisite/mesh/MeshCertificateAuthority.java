package dev.multisite.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.bindings.TlsPrivateKey;
import dev.multisite.bindings.TlsProvider;
import dev.multisite.bindings.TlsSelfSignedCert;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The one CA every site's Cilium trusts: an ECDSA key and a self-signed CA certificate made by the
 * TLS provider, kept in Pulumi state (a re-run never regenerates them), the key a secret.
 */
public final class MeshCertificateAuthority extends ComponentResource {
    public static final String TYPE = "multisite:mesh:MeshCertificateAuthority";
    static final int VALIDITY_YEARS = 10;

    /** Base64 of the CA certificate PEM, as the chart's {@code tls.ca.cert} takes it. */
    public final Output<String> certBase64;
    /** Base64 of the CA key PEM, as {@code tls.ca.key}; a secret. */
    public final Output<String> keyBase64;

    public MeshCertificateAuthority(String name, String organization, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var tls = new TlsProvider(name + "-tls", CustomResourceOptions.builder().parent(this).build());
        var child = CustomResourceOptions.builder().parent(this).provider(tls).build();
        var key = new TlsPrivateKey(name + "-key", TlsPrivateKey.Args.ecdsaP256(), child);
        var cert = new TlsSelfSignedCert(name + "-cert", TlsSelfSignedCert.Args.ca(key.privateKeyPem(),
                new TlsSelfSignedCert.Subject("Cilium CA", organization), VALIDITY_YEARS), child);
        this.certBase64 = cert.certPem().applyValue(MeshCertificateAuthority::base64);
        this.keyBase64 = key.privateKeyPem().applyValue(MeshCertificateAuthority::base64).asSecret();
        registerOutputs(Map.of("certBase64", certBase64));
    }

    /** The CA as the sites' Cilium releases take it. */
    public MeshTrust trust() {
        return new MeshTrust(certBase64, keyBase64);
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }
}
