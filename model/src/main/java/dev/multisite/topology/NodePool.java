package dev.multisite.topology;

/**
 * A group of identical worker nodes.
 *
 * @param name        pool name, unique within the site ({@code [a-z][a-z0-9]{0,11}}: AKS allows no more)
 * @param machineType the provider's machine type, e.g. {@code m6i.large}, {@code e2-standard-4}, {@code Standard_D4s_v5}
 * @param min         minimum node count (autoscaler floor), at least 1
 * @param max         maximum node count, at least {@code min}
 */
public record NodePool(@Required String name, @Required String machineType, @Required Integer min, @Required Integer max) {
}
