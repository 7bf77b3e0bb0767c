package dev.multisite.topology;

import java.util.List;

/**
 * The Kubernetes side of a site.
 *
 * @param version        control plane version, e.g. {@code "1.30"} (quoted in YAML, it is a string)
 * @param apiAccessCidrs who may reach the public API endpoint (EKS public access CIDRs, GKE master
 *                       authorized networks, AKS authorized IP ranges); required for cloud sites
 * @param nodePools      at least one pool; ignored for {@code existing} sites
 */
public record KubernetesSettings(@Required String version, List<Cidr> apiAccessCidrs, List<NodePool> nodePools) {
    public KubernetesSettings {
        apiAccessCidrs = apiAccessCidrs == null ? List.of() : List.copyOf(apiAccessCidrs);
        nodePools = nodePools == null ? List.of() : List.copyOf(nodePools);
    }
}
