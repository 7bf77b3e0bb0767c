package dev.multisite.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data tier's partitions after any promotion, from the topology alone: who takes each
 * partition's writes, who replicates it (same provider only), and a retired primary. The data
 * components build exactly these nodes, and the reachability check follows the same hosts.
 */
public final class DataPartitions {
    /** The partition name in primary-replica mode. */
    public static final String DEFAULT_PARTITION = "default";

    /** One partition: its write authority, the sites that replicate it, and a retired primary (or null). */
    public record Plan(String name, String authority, List<String> replicas, String retired) {
    }

    private DataPartitions() {
    }

    /** The partitions of a topology with a data tier. */
    public static List<Plan> of(List<SiteSpec> sites, DataSettings data) {
        if (data.mode() == DataSettings.Mode.PARTITIONED) {
            return data.partitions().stream().map(p -> new Plan(p.name(), p.authority(), p.replicas(), null)).toList();
        }
        List<String> replicas = new ArrayList<>(data.replicas().all()
                ? sites.stream().map(SiteSpec::name).filter(n -> !n.equals(data.primary())).toList()
                : data.replicas().sites());
        if (data.promote() == null) {
            return List.of(new Plan(DEFAULT_PARTITION, data.primary(), replicas, null));
        }
        replicas.remove(data.promote());
        return List.of(new Plan(DEFAULT_PARTITION, data.promote(), replicas, data.primary()));
    }

    /** Per partition, the sites with a node of it to read from (its primary and same-provider replicas), in order. */
    public static Map<String, List<String>> localReaders(Topology topology) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var partition : of(topology.sites(), topology.data())) {
            var provider = topology.site(partition.authority()).orElseThrow().provider();
            List<String> sites = new ArrayList<>(List.of(partition.authority()));
            partition.replicas().stream().filter(r -> topology.site(r).orElseThrow().provider() == provider).forEach(sites::add);
            out.put(partition.name(), sites);
        }
        return out;
    }
}
