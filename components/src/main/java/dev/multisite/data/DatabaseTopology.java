package dev.multisite.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.site.KeyedOutputs;
import dev.multisite.site.Site;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.SiteSpec;

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
    public static final String DEFAULT_PARTITION = "default";
    public static final String CONFIG_MAP = "multisite-data";
    public static final String SECRET = "multisite-data-credentials";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Partition -> the site holding its write primary. */
    public final Map<String, String> primaries;
    /** Partition -> write host. */
    public final Output<Map<String, String>> writeEndpoints;
    /** {@code <site>/<partition>} -> instance identifier, for every instance (primaries too). */
    public final Output<Map<String, String>> instances;
    /** Replica instance name -> what a runbook needs to promote it. */
    public final Output<Map<String, Map<String, String>>> replicas;

    private final List<DatabaseNode> nodes = new ArrayList<>();

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
            case GCP -> new CloudSqlHost();
            case AZURE -> new FlexibleServerHost(FlexibleServerHost.azureSitesOf(args.sites()));
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
                Site site = sites.get(replicaSite);
                if (site.provider() == authority.provider()) {
                    var replica = host.replica(instanceName(site.name(), partition.name(), data), site, partition.name(), data, primary, this);
                    nodes.add(replica);
                    local.put(site.name(), replica);
                }
            }
            localOf.put(partition.name(), local);
        }
        for (Site site : args.sites()) {
            endpoints(site, data, primaryOf, localOf);
        }
        this.primaries = new LinkedHashMap<>();
        primaryOf.forEach((p, n) -> primaries.put(p, n.site()));
        this.writeEndpoints = KeyedOutputs.of(new ArrayList<>(primaryOf.keySet()), primaryOf.values().stream().map(DatabaseNode::host).toList());
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

    public List<DatabaseNode> nodes() {
        return List.copyOf(nodes);
    }

    /** One partition after promotion: who takes writes, who replicates, and a retired primary if any. */
    record Plan(String name, String authority, List<String> replicas, String retired) {
    }

    static List<Plan> partitions(List<SiteSpec> sites, DataSettings data) {
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

    /** Instance names stay the same through a promotion, so the promoted replica is updated in place. */
    static String instanceName(String site, String partition, DataSettings data) {
        return data.mode() == DataSettings.Mode.PARTITIONED ? site + "-" + partition + "-db" : site + "-db";
    }

    private void endpoints(Site site, DataSettings data, Map<String, DatabaseNode> primaryOf, Map<String, Map<String, DatabaseNode>> localOf) {
        var opts = CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).build();
        List<String> partitions = new ArrayList<>(primaryOf.keySet());
        List<Output<String>> writes = partitions.stream().map(p -> primaryOf.get(p).host()).toList();
        List<Output<String>> reads = partitions.stream().map(p -> localOf.get(p).getOrDefault(site.name(), primaryOf.get(p)).host()).toList();
        boolean local = localOf.values().stream().allMatch(m -> m.containsKey(site.name()));
        DatabaseNode firstPrimary = primaryOf.get(partitions.get(0));
        Output<Map<String, String>> config = Output.tuple(Output.all(writes), Output.all(reads)).applyValue(t -> {
            Map<String, Map<String, String>> authority = new LinkedHashMap<>();
            for (int i = 0; i < partitions.size(); i++) {
                // Ordered: Map.of iterates in a per-JVM random order, and the ConfigMap (and plan) must not change run to run.
                Map<String, String> hosts = new LinkedHashMap<>();
                hosts.put("write", t.t1.get(i));
                hosts.put("read", t.t2.get(i));
                authority.put(partitions.get(i), hosts);
            }
            Map<String, String> map = new LinkedHashMap<>();
            map.put("MULTISITE_SITE", site.name());
            map.put("MULTISITE_DB_WRITE_HOST", t.t1.get(0));
            map.put("MULTISITE_DB_READ_HOST", t.t2.get(0));
            map.put("MULTISITE_DB_PORT", String.valueOf(DatabaseNode.PORT));
            map.put("MULTISITE_DB_NAME", data.database());
            map.put("MULTISITE_DB_READ_MODE", local ? "local-replica" : "remote-primary");
            map.put("MULTISITE_DB_PARTITIONS", toJson(authority));
            return map;
        });
        var configMap = new ConfigMap(site.name() + "-data-endpoints", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(CONFIG_MAP).namespace(site.systemNamespace()).build())
                .data(config)
                .build(), opts);
        Output<Map<String, String>> credentials = Output.tuple(firstPrimary.host(), firstPrimary.credentialRef(), firstPrimary.user()).applyValue(t -> Map.of(
                "MULTISITE_DB_USER", t.t3,
                "MULTISITE_DB_CREDENTIAL_REF", t.t2.isEmpty() ? "iam-authentication" : t.t2,
                "MULTISITE_DB_WRITE_URL", "postgresql://" + t.t3 + "@" + t.t1 + ":" + DatabaseNode.PORT + "/" + data.database() + "?sslmode=require"));
        new Secret(site.name() + "-data-credentials", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(SECRET).namespace(site.systemNamespace()).build())
                .stringData(credentials.asSecret())
                .build(), CustomResourceOptions.builder().parent(this).provider(site.kubernetesProvider()).dependsOn(configMap).build());
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
