package dev.multisite.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * One port the sites' nodes must accept from remote sites' nodes, and why. These are the only
 * inter-site openings on nodes: Cilium health, the mesh datapath, WireGuard and the
 * clustermesh-apiserver. (PostgreSQL 5432 is opened on the database instances by the data tier.)
 *
 * @param protocol {@code tcp}, {@code udp} or {@code icmp} (port 0: echo request)
 */
public record InterSitePort(String protocol, int port, String purpose) {
    public static final int CILIUM_HEALTH = 4240;
    public static final int VXLAN = 8472;
    public static final int GENEVE = 6081;
    public static final int WIREGUARD = 51871;

    /** The ports the topology's mesh needs between sites; none when the mesh is disabled. */
    public static List<InterSitePort> required(Topology topology) {
        return required(topology.mesh());
    }

    /** The ports a mesh with these options needs between sites (the policies count them from a preview's topology too). */
    public static List<InterSitePort> required(MeshOptions mesh) {
        List<InterSitePort> ports = new ArrayList<>();
        if (!mesh.enabled()) {
            return ports;
        }
        ports.add(new InterSitePort("tcp", CILIUM_HEALTH, "cilium-health"));
        ports.add(new InterSitePort("icmp", 0, "cilium-health-ping"));
        switch (mesh.datapath()) {
            case TUNNEL_VXLAN -> ports.add(new InterSitePort("udp", VXLAN, "vxlan"));
            case TUNNEL_GENEVE -> ports.add(new InterSitePort("udp", GENEVE, "geneve"));
            case NATIVE -> {
            }
        }
        if (mesh.encryption() == MeshOptions.Encryption.WIREGUARD) {
            ports.add(new InterSitePort("udp", WIREGUARD, "wireguard"));
        }
        int apiserver = mesh.apiserverExposure() == MeshOptions.Exposure.NODEPORT ? MeshOptions.NODEPORT : MeshOptions.APISERVER_PORT;
        ports.add(new InterSitePort("tcp", apiserver, "clustermesh-apiserver"));
        return ports;
    }

    public boolean isIcmp() {
        return protocol.equals("icmp");
    }

    /** A short name for resource names: {@code tcp-4240}, {@code icmp}. */
    public String key() {
        return isIcmp() ? "icmp" : protocol + "-" + port;
    }
}
