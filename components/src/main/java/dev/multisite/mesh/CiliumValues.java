package dev.multisite.mesh;

import dev.multisite.site.Site;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.MeshOptions;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cilium chart values of one site: the provider overlay, then the mesh's own settings over it.
 * Peers are listed by their stable DNS names ({@code <peer>.mesh.<domain>}), never by another
 * release's outputs, so no site's release depends on another's and all sites install in parallel.
 * The CA key is a nested secret: only that value is secret, the rest of the values stay readable.
 */
final class CiliumValues {
    /** Every site of the mesh must use the same value; 255 matches the 1..255 cluster ids the parser allows. */
    static final int MAX_CONNECTED_CLUSTERS = 255;

    private CiliumValues() {
    }

    static Map<String, Object> forSite(Site site, Topology topology, MeshTrust ca) {
        MeshOptions mesh = topology.mesh();
        SiteSpec spec = site.spec();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cluster", Map.of("name", spec.name(), "id", spec.mesh().clusterId()));
        // On GKE the pool is half the pod CIDR, the other half being GKE's own pods range (SiteSpec.ciliumPodPool).
        values.put("ipam", Map.of("mode", "cluster-pool", "operator", Map.of(
                "clusterPoolIPv4PodCIDRList", List.of(spec.ciliumPodPool().toString()),
                "clusterPoolIPv4MaskSize", Math.max(24, spec.ciliumPodPool().prefixLength() + 4))));
        switch (mesh.datapath()) {
            case TUNNEL_VXLAN -> {
                values.put("routingMode", "tunnel");
                values.put("tunnelProtocol", "vxlan");
            }
            case TUNNEL_GENEVE -> {
                values.put("routingMode", "tunnel");
                values.put("tunnelProtocol", "geneve");
            }
            case NATIVE -> {
                values.put("routingMode", "native");
                values.put("ipv4NativeRoutingCIDR", mesh.ipv4NativeRoutingCidr().toString());
            }
        }
        if (mesh.encryption() == MeshOptions.Encryption.WIREGUARD) {
            values.put("encryption", Map.of("enabled", true, "type", "wireguard"));
        }
        values.put("tls", Map.of("ca", Map.of("cert", ca.certBase64(), "key", ca.keyBase64())));
        values.put("clustermesh", clustermesh(spec, topology));
        Map<String, Object> merged = CiliumOverlays.merge(CiliumOverlays.of(spec.provider()), values);
        if ("true".equals(String.valueOf(merged.get("kubeProxyReplacement")))) {
            // Without kube-proxy, Cilium must reach the API server directly, not through its ClusterIP.
            merged.put("k8sServiceHost", site.endpoint().applyValue(e -> URI.create(e).getHost()));
            merged.put("k8sServicePort", site.endpoint().applyValue(e -> URI.create(e).getPort() > 0 ? URI.create(e).getPort() : 443));
        }
        return merged;
    }

    private static Map<String, Object> clustermesh(SiteSpec site, Topology topology) {
        MeshOptions mesh = topology.mesh();
        boolean nodePort = mesh.apiserverExposure() == MeshOptions.Exposure.NODEPORT;
        int port = nodePort ? MeshOptions.NODEPORT : MeshOptions.APISERVER_PORT;
        List<Map<String, Object>> peers = topology.sites().stream().filter(s -> !s.name().equals(site.name()))
                .map(s -> Map.<String, Object>of("name", s.name(), "address", MeshOptions.apiserverAddress(s.name(), topology.domain()), "port", port))
                .toList();
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("type", nodePort ? "NodePort" : "LoadBalancer");
        if (nodePort) {
            service.put("nodePort", MeshOptions.NODEPORT);
        } else {
            service.put("loadBalancerSourceRanges", remoteRanges(site, topology));
        }
        service.put("annotations", Map.of("external-dns.alpha.kubernetes.io/hostname", MeshOptions.apiserverAddress(site.name(), topology.domain())));
        // clustermesh.maxConnectedClusters (not top level): chart 1.20.0 values.schema.json and the
        // Cluster Mesh guide (Documentation/network/clustermesh/clustermesh.rst, "--set
        // clustermesh.maxConnectedClusters=511"). 255 is the chart default; it can only be set at install.
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("useAPIServer", true);
        values.put("maxConnectedClusters", MAX_CONNECTED_CLUSTERS);
        values.put("apiserver", Map.of(
                "replicas", 2,
                "kvstoremesh", Map.of("enabled", true),
                "tls", Map.of("auto", Map.of("enabled", true, "method", "helm", "certValidityDuration", 1095)),
                "service", service));
        values.put("config", Map.of("enabled", true, "clusters", peers));
        values.putAll(mcsApi(site, topology));
        return values;
    }

    /**
     * The Multi-Cluster Services API, on every site when any app exports a global service
     * (Cilium "Multi-Cluster Services API (Beta)"; keys in the chart 1.20.0 values.schema.json):
     * {@code clustermesh.mcsapi.enabled}; on existing clusters, whose own CoreDNS answers
     * {@code clusterset.local}, {@code clustermesh.mcsapi.corednsAutoConfigure.enabled} (cloud sites
     * run Multisite's resolver instead: ClustersetDns); and, for headless exports,
     * {@code clustermesh.enableEndpointSliceSynchronization}.
     */
    static Map<String, Object> mcsApi(SiteSpec site, Topology topology) {
        var gitops = topology.gitops();
        if (gitops == null || !gitops.exportsGlobalServices()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mcsapi", Map.of("enabled", true, "corednsAutoConfigure", Map.of("enabled", ciliumConfiguresCoreDns(site.provider()))));
        if (gitops.exportsHeadlessServices()) {
            out.put("enableEndpointSliceSynchronization", true);
        }
        return out;
    }

    /**
     * Whether Cilium configures the provider's cluster DNS for {@code clusterset.local} (existing
     * clusters), or the site runs Multisite's resolver ({@link ClustersetDns}) and forwards the zone
     * to it ({@link GlobalServices}). A switch expression: a new provider does not compile until it is
     * decided who configures its CoreDNS.
     */
    static boolean ciliumConfiguresCoreDns(CloudProvider provider) {
        return switch (provider) {
            case AWS, GCP, AZURE -> false;
            case EXISTING -> true;
        };
    }

    /**
     * Who may reach a site's clustermesh-apiserver load balancer: every other site's VPC range (its
     * nodes; pod traffic leaving a tunnel-mode cluster is masqueraded to them) and pod range (native
     * routing). Kubernetes turns {@code spec.loadBalancerSourceRanges} into the load balancer's
     * firewall (on AWS: the node security group rules on the NodePort, Kubernetes docs "Network Load
     * Balancer support on AWS"; without it they allow 0.0.0.0/0).
     */
    static List<String> remoteRanges(SiteSpec site, Topology topology) {
        return topology.sites().stream().filter(s -> !s.name().equals(site.name()))
                .flatMap(s -> java.util.stream.Stream.of(s.network().vpcCidr(), s.network().podCidr()))
                .map(Object::toString).toList();
    }

    /** Annotations that make a Service global across the mesh. */
    static Map<String, String> globalServiceAnnotations(String affinity) {
        return Map.of("service.cilium.io/global", "true", "service.cilium.io/shared", "true", "service.cilium.io/affinity", affinity);
    }

}
