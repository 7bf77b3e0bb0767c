package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a site's Kubernetes cluster comes from. */
public enum CloudProvider {
    /** Amazon EKS in its own VPC. */
    AWS,
    /** Google GKE, VPC-native, in its own VPC. */
    GCP,
    /** Azure AKS (azure-native) in its own virtual network. */
    AZURE,
    /** A cluster that already exists (bare metal, other providers), reached by kubeconfig. */
    EXISTING;

    /** The lowercase name used in stack config and in labels. */
    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
