package dev.multisite.mesh;

import com.pulumi.core.Output;

/**
 * The mesh CA as every site's Cilium takes it: base64 PEMs for the chart's {@code tls.ca.cert} and
 * {@code tls.ca.key}. The key is a secret wherever it comes from (the CA itself, or the shared
 * part's stack output in fleet mode).
 */
public record MeshTrust(Output<String> certBase64, Output<String> keyBase64) {
    public MeshTrust {
        keyBase64 = keyBase64.asSecret();
    }
}
