package dev.multisite.topology;

/**
 * A site's identity in Cilium Cluster Mesh.
 *
 * @param clusterId 1..255, unique across the stack (Cilium's {@code cluster.id})
 */
public record MeshSettings(@Required Integer clusterId) {
}
