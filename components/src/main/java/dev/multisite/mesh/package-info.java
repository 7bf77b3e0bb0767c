/**
 * Cilium Cluster Mesh across every site: one Cilium release per site, a shared CA kept in Pulumi
 * state, and peers addressed by stable DNS names, so no site's release depends on another's.
 */
package dev.multisite.mesh;
