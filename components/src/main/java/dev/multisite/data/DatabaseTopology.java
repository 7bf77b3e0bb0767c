package dev.multisite.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.site.KeyedOutputs;
import dev.multisite.site.Site;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataPartitions;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.PrivateDnsForwarding;
import dev.multisite.topology.PrivateServices;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data tier: per partition exactly one write primary (on the authority site, or on the
 * {@code data.promote} replica after a promotion), a read replica on every replica site of the
 * primary's provider, and for every other site reads over the inter-site network from the primary
 * (cross-provider replication is not provisioned: see docs/data.md). Every site is told, through its
 * own Kubernetes provider, the write endpoint and its read endpoint: a ConfigMap of host names and a
 * Secret with the connection's user and credential reference.
 */
public final class DatabaseTopology extends ComponentResource {
    public static final String TYPE = "multisite:data:DatabaseTopology";
    public static final String DEFAULT_PARTITION = DataPartitions.DEFAULT_PARTITION;
    public static final String CONFIG_MAP = "multisite-data";
    public static final String SECRET = "multisite-data-credentials";

    /** Partition -> the site holding its write primary. */
    public final Map<String, String> primaries;
    /** Partition -> write host. */
    public final Output<Map<String, String>> writeEndpoints;
    /** {@code <site>/<partition>} -> instance identifier, for every instance (primaries too). */
    public final Output<Map<String, String>> instances;
    /** Replica instance name -> what a runbook needs to promote it. */
    public final Output<Map<String, Map<String, String>>> replicas;

    private final List<DatabaseNode> nodes = new ArrayList<>();
    /** Partition -> its write primary. */
    private final Map<String, DatabaseNode> primaryOf;
    /** Partition -> site -> the node of it on that site (its primary and same-provider replicas). */
    private final Map<String, Map<String, DatabaseNode>> localOf;

    /** Write host of every node, by {@code <site>/<partition>}. */
    public final Output<Map<String, String>> hosts;
    /** The first partition's primary's credential reference ("" for IAM authentication) and user, which every site is told. */
    public final Output<String> credentialRef;
    public final Output<String> user;

    /**
     * The instances, on {@code args.sites()}: the sites of the providers holding a primary (replicas
     * are same-provider). What every site is told of them is the fleet's data-endpoints part's
     * ({@code DataEndpoints}), in one stack and in fleet mode alike.
     */
    public DatabaseTopology(String name, DatabaseTopologyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var topology = args.topology();
        DataSettings data = topology.data();
        Map<String, Site> sites = new LinkedHashMap<>();
        args.sites().forEach(s -> sites.put(s.name(), s));
        List<String> allowed = new ArrayList<>();
        topology.sites().forEach(s -> {
            allowed.add(s.network().vpcCidr().toString());
            allowed.add(s.network().podCidr().toString());
        });
        // A switch expression: a new provider does not compile until its database host is decided.
        java.util.function.Function<CloudProvider, DatabaseHost> hostOf = provider -> switch (provider) {
            case AWS -> new RdsHost(allowed);
            case GCP -> {
                Map<String, dev.multisite.site.GcpSite> networkOf = new LinkedHashMap<>();
                partitions(topology.sites(), data).forEach(p -> {
                    if (sites.get(PrivateServices.networkSite(p)) instanceof dev.multisite.site.GcpSite gcp) {
                        networkOf.put(p.name(), gcp);
                    }
                });
                yield new CloudSqlHost(networkOf);
            }
            case AZURE -> new FlexibleServerHost(FlexibleServerHost.azureSitesOf(args.sites()),
                    PrivateDnsForwarding.resolverSites(topology).stream().map(SiteSpec::name).collect(java.util.stream.Collectors.toSet()));
            case EXISTING -> throw new IllegalStateException("an existing site hosts no database (the topology validator refuses it)");
        };
        Map<CloudProvider, DatabaseHost> hosts = new java.util.EnumMap<>(CloudProvider.class);

        Map<String, DatabaseNode> primaryOf = new LinkedHashMap<>();
        Map<String, Map<String, DatabaseNode>> localOf = new LinkedHashMap<>();
        for (var partition : partitions(topology.sites(), data)) {
            Site authority = sites.get(partition.authority());
            DatabaseHost host = hosts.computeIfAbsent(authority.provider(), hostOf);
            var primary = host.primary(instanceName(authority.name(), partition.name(), data), authority, partition.name(), data, false, this);
            nodes.add(primary);
            primaryOf.put(partition.name(), primary);
            Map<String, DatabaseNode> local = new LinkedHashMap<>();
            local.put(authority.name(), primary);
            if (partition.retired() != null) {
                Site old = sites.get(partition.retired());
                nodes.add(host.primary(instanceName(old.name(), partition.name(), data), old, partition.name(), data, true, this));
            }
            for (String replicaSite : partition.replicas()) {
                // Same provider only (cross-provider replication is not provisioned): decided on the
                // topology, so a part given only the primary's provider's sites never looks up another.
                if (topology.site(replicaSite).orElseThrow().provider() == authority.provider()) {
                    Site site = sites.get(replicaSite);
                    var replica = host.replica(instanceName(site.name(), partition.name(), data), site, partition.name(), data, primary, this);
                    nodes.add(replica);
                    local.put(site.name(), replica);
                }
            }
            localOf.put(partition.name(), local);
        }
        List<String> partitions = new ArrayList<>(primaryOf.keySet());
        DatabaseNode firstPrimary = primaryOf.get(partitions.get(0));
        this.credentialRef = firstPrimary.credentialRef();
        this.user = firstPrimary.user();
        this.primaryOf = primaryOf;
        this.localOf = localOf;
        this.primaries = new LinkedHashMap<>();
        primaryOf.forEach((p, n) -> primaries.put(p, n.site()));
        this.writeEndpoints = KeyedOutputs.of(new ArrayList<>(primaryOf.keySet()), primaryOf.values().stream().map(DatabaseNode::host).toList());
        this.hosts = KeyedOutputs.of(nodes.stream().filter(n -> n.role() != DatabaseNode.Role.RETIRED_PRIMARY).map(n -> n.site() + "/" + n.partition()).toList(),
                nodes.stream().filter(n -> n.role() != DatabaseNode.Role.RETIRED_PRIMARY).map(DatabaseNode::host).toList());
        this.instances = KeyedOutputs.of(nodes.stream().map(n -> n.site() + "/" + n.partition()).toList(),
                nodes.stream().map(DatabaseNode::identifier).toList());
        var replicaNodes = nodes.stream().filter(n -> n.role() == DatabaseNode.Role.REPLICA).toList();
        this.replicas = Output.all(replicaNodes.stream().map(n -> Output.tuple(n.identifier(), n.promoteCommand())
                .applyValue(t -> Map.of("site", n.site(), "partition", n.partition(), "identifier", t.t1, "region", n.region(),
                        "provider", n.provider(), "promoteCommand", t.t2))).toList())
                .applyValue(list -> {
                    Map<String, Map<String, String>> byName = new LinkedHashMap<>();
                    list.forEach(m -> byName.put(m.get("site") + "/" + m.get("partition"), m));
                    return byName;
                });
        registerOutputs(Map.of("writeEndpoints", writeEndpoints, "replicas", replicas));
    }

    /** The write host of {@code partition}. */
    public Output<String> writeHost(String partition) {
        return primaryOf.get(partition).host();
    }

    /** Where {@code site} reads {@code partition}: its own node where it has one, else the primary. */
    public Output<String> readHost(String site, String partition) {
        return localOf.get(partition).getOrDefault(site, primaryOf.get(partition)).host();
    }

    public List<DatabaseNode> nodes() {
        return List.copyOf(nodes);
    }

    static List<DataPartitions.Plan> partitions(List<SiteSpec> sites, DataSettings data) {
        return DataPartitions.of(sites, data);
    }

    /** Instance names stay the same through a promotion, so the promoted replica is updated in place. */
    static String instanceName(String site, String partition, DataSettings data) {
        return data.mode() == DataSettings.Mode.PARTITIONED ? site + "-" + partition + "-db" : site + "-db";
    }

    /** Per partition, the sites with a node of it to read from (its primary and same-provider replicas), from the topology alone. */
    public static Map<String, List<String>> localReaders(Topology topology) {
        return DataPartitions.localReaders(topology);
    }
}
