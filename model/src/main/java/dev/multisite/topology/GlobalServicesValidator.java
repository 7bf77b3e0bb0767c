package dev.multisite.topology;

import java.util.HashMap;
import java.util.Map;

/**
 * Invariants of the global services ({@code gitops.apps[].globalServices}): Service names Kubernetes
 * accepts, one exporting app per Service, a mesh whose Cilium serves the Multi-Cluster Services API,
 * and a CoreDNS on every site that answers {@code clusterset.local}.
 *
 * <p>Sources: Cilium "Multi-Cluster Services API (Beta)" (docs.cilium.io network/clustermesh/mcsapi):
 * it needs {@code clustermesh.mcsapi.enabled} and "CoreDNS 1.12.2 or later (installed by default from
 * Kubernetes 1.35)"; Kubernetes "Object Names and IDs" (a Service name is an RFC 1035 label, a
 * namespace an RFC 1123 label, both at most 63 characters).
 */
final class GlobalServicesValidator {
    /** The oldest Cilium chart whose values schema this project checks the MCS keys against (cilium-mesh: chart 1.20.0). */
    static final int MIN_CILIUM_MINOR = 20;
    /** kubeadm installs CoreDNS 1.12.2 or later from this Kubernetes minor on (Cilium's MCS guide). */
    static final int MIN_EXISTING_KUBERNETES_MINOR = 35;
    private static final String RFC_1035_LABEL = "[a-z]([-a-z0-9]{0,61}[a-z0-9])?";

    private GlobalServicesValidator() {
    }

    static void validate(Topology topology, Problems problems) {
        GitOpsSettings gitops = topology.gitops();
        if (gitops == null || !gitops.exportsGlobalServices()) {
            return;
        }
        Map<String, String> exporter = new HashMap<>();
        for (int a = 0; a < gitops.apps().size(); a++) {
            var app = gitops.apps().get(a);
            String appPath = "gitops.apps[" + (app.name() == null ? String.valueOf(a) : app.name()) + "]";
            if (!app.globalServices().isEmpty() && app.namespace() != null && app.namespace().length() > 63) {
                problems.add(appPath + ".namespace", "'" + app.namespace() + "' is longer than 63 characters; a namespace is an RFC 1123 label");
            }
            for (int i = 0; i < app.globalServices().size(); i++) {
                var service = app.globalServices().get(i);
                String path = appPath + ".globalServices[" + i + "]";
                if (service == null) {
                    problems.add(path, "null is not allowed; give {name: <service>}");
                } else if (service.name() == null) {
                    problems.add(path + ".name", "required; the name of a Service the app deploys");
                } else if (!service.name().matches(RFC_1035_LABEL)) {
                    problems.add(path + ".name", "'" + TopologyLimits.quote(service.name()) + "' is not a Service name; use an RFC 1035 label "
                            + RFC_1035_LABEL + " (at most 63 characters)");
                } else {
                    String key = app.namespace() + "/" + service.name();
                    String first = exporter.putIfAbsent(key, app.name());
                    if (first != null) {
                        problems.add(path + ".name", "'" + service.name() + "' in namespace " + app.namespace() + " is already exported by app " + first
                                + "; a Service is exported once, by the app that deploys it");
                    }
                }
            }
        }
        MeshOptions mesh = topology.mesh();
        if (!mesh.enabled()) {
            problems.add("gitops.apps[].globalServices", "needs mesh.enabled true: global services are exported over the Cilium Cluster Mesh");
            return;
        }
        int minor = ciliumMinor(mesh.chartVersion());
        if (minor >= 0 && minor < MIN_CILIUM_MINOR) {
            problems.add("mesh.chartVersion", "'" + mesh.chartVersion() + "' has no Multi-Cluster Services values Multisite can check; global services need "
                    + "Cilium 1." + MIN_CILIUM_MINOR + ".0 or later, e.g. " + MeshOptions.DEFAULT_CHART_VERSION);
        }
        for (int i = 0; i < topology.sites().size(); i++) {
            SiteSpec site = topology.sites().get(i);
            int k8s = kubernetesMinor(site);
            // A switch expression: a new provider does not compile until its DNS for clusterset.local is decided.
            boolean coreDnsTooOld = switch (site.provider()) {
                // Multisite runs its own CoreDNS (ClustersetDns.IMAGE, 1.12.2 or later) and the cluster DNS forwards to it.
                case AWS, GCP, AZURE -> false;
                // The cluster's own CoreDNS, configured by Cilium (clustermesh.mcsapi.corednsAutoConfigure).
                case EXISTING -> k8s >= 0 && k8s < MIN_EXISTING_KUBERNETES_MINOR;
            };
            if (coreDnsTooOld) {
                problems.add(Problems.sitePath(site, i, "kubernetes.version"), "'" + site.kubernetes().version() + "': global services need the cluster's CoreDNS "
                        + "1.12.2 or later, installed by default from Kubernetes 1." + MIN_EXISTING_KUBERNETES_MINOR
                        + " (Cilium's Multi-Cluster Services guide); upgrade the cluster and declare its version, or export no global service");
            }
        }
    }

    private static int ciliumMinor(String chartVersion) {
        var m = java.util.regex.Pattern.compile("1\\.(\\d+)\\.\\d+").matcher(chartVersion);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static int kubernetesMinor(SiteSpec site) {
        if (site.kubernetes() == null || site.kubernetes().version() == null) {
            return -1;
        }
        var m = java.util.regex.Pattern.compile("1\\.(\\d+)").matcher(site.kubernetes().version());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
