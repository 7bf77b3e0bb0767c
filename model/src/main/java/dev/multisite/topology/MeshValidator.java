package dev.multisite.topology;

import java.util.Set;

/**
 * Invariants the mesh adds to those already checked per site (unique names and cluster ids in
 * 1..255, disjoint pod CIDRs): one datapath for the whole mesh (a single setting, so mixing is
 * impossible), a native-routing range covering every pod CIDR, Cilium's cluster name length, and
 * well-formed global services.
 */
final class MeshValidator {
    static final int MAX_CLUSTER_NAME = 32;
    static final Set<String> AFFINITIES = Set.of("local", "remote", "none");

    private MeshValidator() {
    }

    static void validate(Topology topology, Problems problems) {
        MeshOptions mesh = topology.mesh();
        if (!mesh.enabled()) {
            // EKS sites are created without the VPC CNI and kube-proxy, AKS sites with network plugin
            // none: the mesh's Cilium release is the only CNI they get.
            topology.sites().stream().filter(s -> switch (s.provider()) {
                case AWS, AZURE -> true;
                case GCP, EXISTING -> false;
            }).forEach(s -> problems.add("mesh.enabled", "false, but sites[" + s.name() + "] (" + s.provider().key()
                            + ") has no other CNI than the mesh's Cilium; keep mesh.enabled true"));
            return;
        }
        if (!mesh.chartVersion().matches("1\\.(1[6-9]|2\\d)\\.\\d+")) {
            problems.add("mesh.chartVersion", "'" + mesh.chartVersion() + "' is not a supported Cilium chart version; use 1.16.0 or later, e.g. "
                    + MeshOptions.DEFAULT_CHART_VERSION);
        }
        if (mesh.datapath() == MeshOptions.Datapath.NATIVE) {
            Cidr routing = mesh.ipv4NativeRoutingCidr();
            if (routing == null) {
                problems.add("mesh.ipv4NativeRoutingCidr", "required with datapath native; a range covering every site's pod CIDR, routed by the interconnect");
            } else {
                topology.sites().stream().filter(s -> !routing.contains(s.network().podCidr())).forEach(s -> problems.add(
                        "mesh.ipv4NativeRoutingCidr", routing + " does not cover " + s.name() + "'s pod CIDR " + s.network().podCidr()
                                + "; native routing needs one range that contains every site's pods"));
            }
        } else if (mesh.ipv4NativeRoutingCidr() != null) {
            problems.add("mesh.ipv4NativeRoutingCidr", "set with datapath " + mesh.datapath().key() + "; it only applies to datapath native");
        }
        for (int i = 0; i < mesh.globalServices().size(); i++) {
            var g = mesh.globalServices().get(i);
            if (g.namespace() == null || g.name() == null) {
                problems.add("mesh.globalServices[" + i + "]", "needs namespace and name");
            } else if (!AFFINITIES.contains(g.affinity())) {
                problems.add("mesh.globalServices[" + i + "].affinity", "'" + g.affinity() + "' is not allowed; use local, remote or none");
            }
        }
        topology.sites().stream().filter(s -> s.name().length() > MAX_CLUSTER_NAME).forEach(s -> problems.add("sites[" + s.name() + "].name",
                "is longer than Cilium's " + MAX_CLUSTER_NAME + "-character cluster name"));
    }
}
