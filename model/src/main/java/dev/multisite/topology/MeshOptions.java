package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * The top-level {@code mesh} block: how Cilium Cluster Mesh joins every site. (Each site's
 * identity in it is {@code sites[].mesh.clusterId}.)
 *
 * @param enabled               default true
 * @param chartVersion          the Cilium chart version; default {@value #DEFAULT_CHART_VERSION}
 * @param datapath              one mode for the whole mesh; default {@code tunnel-vxlan}
 * @param ipv4NativeRoutingCidr native mode only: a range covering every site's pod CIDR
 * @param apiserverExposure     how each clustermesh-apiserver is reached; default an internal {@code loadbalancer}
 * @param encryption            {@code wireguard} (default) or {@code none}
 * @param globalServices        services to mark global across the mesh
 */
public record MeshOptions(Boolean enabled, String chartVersion, Datapath datapath, Cidr ipv4NativeRoutingCidr,
                          Exposure apiserverExposure, Encryption encryption, List<GlobalService> globalServices) {
    public static final String DEFAULT_CHART_VERSION = "1.20.0";
    public static final int APISERVER_PORT = 2379;
    public static final int NODEPORT = 32379;

    public MeshOptions {
        enabled = enabled == null || enabled;
        chartVersion = chartVersion == null ? DEFAULT_CHART_VERSION : chartVersion;
        datapath = datapath == null ? Datapath.TUNNEL_VXLAN : datapath;
        apiserverExposure = apiserverExposure == null ? Exposure.LOADBALANCER : apiserverExposure;
        encryption = encryption == null ? Encryption.WIREGUARD : encryption;
        globalServices = globalServices == null ? List.of() : List.copyOf(globalServices);
    }

    public static MeshOptions defaults() {
        return new MeshOptions(null, null, null, null, null, null, null);
    }

    /** The stable name a site's clustermesh-apiserver is reached at: {@code <site>.mesh.<domain>}. */
    public static String apiserverAddress(String site, String domain) {
        return site + ".mesh." + domain;
    }

    public enum Datapath {
        TUNNEL_VXLAN, TUNNEL_GENEVE, NATIVE;

        @JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public enum Exposure {
        LOADBALANCER, NODEPORT;

        @JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Encryption {
        WIREGUARD, NONE;

        @JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A Service shared across the mesh ({@code service.cilium.io/global}).
     *
     * @param namespace the Service's namespace
     * @param name      the Service's name (it must exist with the same name in every site)
     * @param affinity  {@code local} (prefer this site's endpoints, fail over east-west), {@code remote} or {@code none}
     */
    public record GlobalService(@Required String namespace, @Required String name, String affinity) {
        public GlobalService {
            affinity = affinity == null ? "local" : affinity;
        }
    }
}
