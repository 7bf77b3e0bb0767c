package dev.multisite.topology;

import java.util.List;
import java.util.Optional;

/**
 * The whole multi-site topology of one stack: the value of stack config key {@code multisite:topology}.
 * Instances returned by {@link TopologyParser} have passed every invariant.
 *
 * @param domain      the DNS domain the stack's names live under (e.g. {@code example.com})
 * @param environment what the stack is for; default {@code production}
 * @param peakDemand  the global peak traffic, in the unit of the sites' {@code capacity}; optional
 * @param sites       two or more sites
 * @param traffic     global DNS and health checks; absent means no global traffic layer
 * @param data        the data tier; absent means no managed database
 * @param mesh        Cilium Cluster Mesh options; absent means the defaults (enabled)
 * @param gitops      Argo CD and the apps every site runs; absent means no GitOps layer
 * @param network     the inter-site network; absent means the defaults (hub interconnect enabled)
 */
public record Topology(@Required String domain, Environment environment, Integer peakDemand, @Required List<SiteSpec> sites, TrafficSettings traffic,
                       DataSettings data, MeshOptions mesh, GitOpsSettings gitops, NetworkOptions network) {
    public Topology {
        mesh = mesh == null ? MeshOptions.defaults() : mesh;
        network = network == null ? NetworkOptions.defaults() : network;
        environment = environment == null ? Environment.PRODUCTION : environment;
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    /**
     * Checks every cross-site invariant the parser checks, with the same messages, for a topology
     * built in code rather than read from stack config; throws {@link TopologyException}.
     */
    public Topology validated() {
        TopologyValidator.validate(this);
        return this;
    }

    public Optional<SiteSpec> site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Every secret config key the topology names (config path -> key in namespace {@code multisite}):
     * existing sites' kubeconfigs and the Cloudflare API token. The values never enter the topology.
     */
    public java.util.Map<String, String> secretConfigKeys() {
        var keys = new java.util.LinkedHashMap<String, String>();
        for (SiteSpec s : sites) {
            if (s.existing() != null && s.existing().kubeconfig() != null) {
                keys.put("sites[" + s.name() + "].existing.kubeconfig", s.existing().kubeconfig());
            }
        }
        if (traffic != null) {
            for (int i = 0; i < traffic.dns().size(); i++) {
                var backend = traffic.dns().get(i);
                if (backend != null) {
                    int index = i;
                    backend.secretConfigKey().ifPresent(key -> keys.put("traffic.dns[" + index + "]." + backend.kind().key() + ".apiToken", key));
                }
            }
        }
        return keys;
    }

    public int totalCapacity() {
        return sites.stream().mapToInt(SiteSpec::capacity).sum();
    }
}
