package dev.multisite.fleet;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.fleet.parts.FleetPart;
import dev.multisite.fleet.parts.InProcessParts;
import dev.multisite.network.Interconnect;
import dev.multisite.network.InterconnectSummary;
import dev.multisite.network.OnPremTunnel;
import dev.multisite.site.KeyedOutputs;
import dev.multisite.site.Site;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyException;
import dev.multisite.traffic.DnsBackends;
import dev.multisite.traffic.GlobalEndpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A whole multi-site fleet as one component ({@code multisite:index:Fleet}): every site, the
 * inter-site network, the mesh, global traffic, GitOps and the data tier of a topology, with the
 * stack's outputs as its own. The stack program is "parse the stack config, then {@code new Fleet}",
 * and the component package serves this same class to every Pulumi language, so the program, the
 * offline plan and the package cannot diverge.
 *
 * <p>The fleet is the union of fleet mode's parts, built in one program: every part's program
 * ({@link FleetPart}) runs once, reading what the parts before it built ({@link InProcessParts})
 * where fleet mode reads their stacks' outputs. Each layer is wired in one place, and every
 * resource has the same URN in both modes.
 *
 * <p>The args hold a topology the parser has checked (the same invariants and messages as a stack
 * file), and the fleet checks the secrets it names before anything is registered, itself included. Its direct children carry a
 * no-parent alias: stacks deployed before the fleet existed keep every resource (the engine
 * derives their children's aliases from it: inheritedChildAlias in pulumi/pulumi
 * pkg/resource/deploy/step_generator.go).
 */
public final class Fleet extends ComponentResource {
    public static final String TYPE = "multisite:index:Fleet";
    /** The name the stack program gives its fleet (and fleet mode's shared part its root). */
    public static final String NAME = "fleet";
    /** The names of the layers' components: the same in one stack and in fleet mode's parts, so the URNs match. */
    public static final String INTERCONNECT = "interconnect";
    public static final String GLOBAL = "global";
    public static final String MESH = "mesh";
    public static final String GITOPS = "gitops";
    public static final String DATA = "data";

    @Export(name = FleetOutputs.SITE_NAMES)
    public final Output<List<String>> siteNames;
    @Export(name = FleetOutputs.CLUSTER_NAMES)
    public final Output<Map<String, String>> clusterNames;
    @Export(name = FleetOutputs.CLUSTER_ENDPOINTS)
    public final Output<Map<String, String>> clusterEndpoints;
    /** A secret. */
    @Export(name = FleetOutputs.KUBECONFIGS)
    public final Output<Map<String, String>> kubeconfigs;
    @Export(name = FleetOutputs.INTERCONNECT)
    public final Output<InterconnectSummary> interconnect;
    /** A secret: it holds the tunnels' pre-shared keys. */
    @Export(name = FleetOutputs.ON_PREM_VPN)
    public final Output<Map<String, List<OnPremTunnel>>> onPremVpn;
    @Export(name = FleetOutputs.MESH_APISERVER_ADDRESSES)
    public final Output<Map<String, String>> meshApiserverAddresses;
    @Export(name = FleetOutputs.GLOBAL_HOSTNAME)
    public final Output<String> globalHostname;
    @Export(name = FleetOutputs.FAILOVER_BUDGET_SECONDS)
    public final Output<Map<String, Integer>> failoverBudgetSeconds;
    @Export(name = FleetOutputs.DRAIN_SWITCHES)
    public final Output<Map<String, String>> drainSwitches;
    @Export(name = FleetOutputs.HEALTH_CHECKS)
    public final Output<Map<String, String>> healthChecks;
    @Export(name = FleetOutputs.CLOUDFLARE_POOLS)
    public final Output<Map<String, String>> cloudflarePools;
    @Export(name = FleetOutputs.CLOUDFLARE_ACCOUNT_ID)
    public final Output<String> cloudflareAccountId;
    @Export(name = FleetOutputs.DATABASE_PRIMARIES)
    public final Output<Map<String, String>> databasePrimaries;
    @Export(name = FleetOutputs.DATABASE_WRITE_ENDPOINTS)
    public final Output<Map<String, String>> databaseWriteEndpoints;
    @Export(name = FleetOutputs.DATABASE_REPLICAS)
    public final Output<Map<String, Map<String, String>>> databaseReplicas;
    @Export(name = FleetOutputs.DATABASE_INSTANCES)
    public final Output<Map<String, String>> databaseInstances;

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();

    public Fleet(String name, FleetArgs args, ComponentResourceOptions options) {
        super(TYPE, name, checked(args, options));
        Topology topology = args.topology();
        var parts = new InProcessParts(this, topology);
        FleetPart.defineAll(topology, key -> args.secrets().get(key).asSecret(), parts, Deployment.getInstance().getStackName());
        List<Site> sites = parts.sites();
        this.siteNames = Output.of(sites.stream().map(Site::name).toList());
        this.clusterNames = byName(sites, Site::clusterName);
        this.clusterEndpoints = byName(sites, Site::endpoint);
        this.kubeconfigs = byName(sites, Site::kubeconfig).asSecret();
        Interconnect network = parts.interconnect().orElse(null);
        this.interconnect = network == null ? null : Output.of(network.summary());
        this.onPremVpn = network == null || topology.sites().stream().noneMatch(s -> s.provider() == CloudProvider.EXISTING)
                ? null : network.onPremVpn;

        var traffic = topology.traffic();
        GlobalEndpoint endpoint = parts.endpoint().orElse(null);
        this.cloudflareAccountId = traffic == null ? null : DnsBackends.cloudflare(traffic).map(cf -> Output.of(cf.accountId())).orElse(null);
        this.globalHostname = traffic == null ? null : Output.of(traffic.hostname());
        this.failoverBudgetSeconds = endpoint == null ? null : Output.of(endpoint.failoverBudgetSeconds);
        this.drainSwitches = endpoint == null ? null : endpoint.drainSwitches;
        this.healthChecks = endpoint == null ? null : endpoint.healthChecks;
        this.cloudflarePools = endpoint == null ? null : endpoint.cloudflarePools;
        this.meshApiserverAddresses = parts.mesh().map(mesh -> Output.of(mesh.apiserverAddresses)).orElse(null);
        DatabaseTopology data = parts.data().orElse(null);
        this.databasePrimaries = data == null ? null : Output.of(data.primaries);
        this.databaseWriteEndpoints = data == null ? null : data.writeEndpoints;
        this.databaseReplicas = data == null ? null : data.replicas;
        this.databaseInstances = data == null ? null : data.instances;
        collectOutputs();
        registerOutputs(outputs);
    }

    /**
     * The fleet's outputs that are set, by name, in the plain form a stack output takes (maps and
     * lists: the SDK's resource serializer does not take the typed objects the package schema has).
     */
    public Map<String, Output<?>> outputs() {
        return outputs;
    }

    private void collectOutputs() {
        put(FleetOutputs.SITE_NAMES, siteNames);
        put(FleetOutputs.CLUSTER_NAMES, clusterNames);
        put(FleetOutputs.CLUSTER_ENDPOINTS, clusterEndpoints);
        put(FleetOutputs.KUBECONFIGS, kubeconfigs);
        put(FleetOutputs.INTERCONNECT, interconnect == null ? null : interconnect.applyValue(InterconnectSummary::toMap));
        put(FleetOutputs.ON_PREM_VPN, onPremVpn == null ? null : onPremVpn.applyValue(Interconnect::asMaps));
        put(FleetOutputs.GLOBAL_HOSTNAME, globalHostname);
        put(FleetOutputs.FAILOVER_BUDGET_SECONDS, failoverBudgetSeconds);
        put(FleetOutputs.DRAIN_SWITCHES, drainSwitches);
        put(FleetOutputs.HEALTH_CHECKS, healthChecks);
        put(FleetOutputs.CLOUDFLARE_POOLS, cloudflarePools);
        put(FleetOutputs.CLOUDFLARE_ACCOUNT_ID, cloudflareAccountId);
        put(FleetOutputs.MESH_APISERVER_ADDRESSES, meshApiserverAddresses);
        put(FleetOutputs.DATABASE_PRIMARIES, databasePrimaries);
        put(FleetOutputs.DATABASE_WRITE_ENDPOINTS, databaseWriteEndpoints);
        put(FleetOutputs.DATABASE_REPLICAS, databaseReplicas);
        put(FleetOutputs.DATABASE_INSTANCES, databaseInstances);
    }

    private void put(String name, Output<?> value) {
        if (value != null) {
            outputs.put(name, value);
        }
    }

    /**
     * Checks that every secret the (already parsed) topology names is given, before the fleet
     * registers itself: a missing one registers nothing at all.
     */
    private static ComponentResourceOptions checked(FleetArgs args, ComponentResourceOptions options) {
        List<String> missing = new ArrayList<>();
        args.topology().secretConfigKeys().forEach((path, key) -> {
            if (!args.secrets().containsKey(key)) {
                missing.add("secrets." + key + ": required; " + path + " names this secret; pass its value (a secret) under this key");
            }
        });
        if (!missing.isEmpty()) {
            throw new TopologyException(missing);
        }
        return options;
    }

    /** Options of a direct child: parented to the fleet, aliased to its URN from before the fleet existed. */
    private ComponentResourceOptions child() {
        return childOf(this);
    }

    /**
     * Options of a direct child of a fleet component (this one, or a fleet-mode part's root):
     * parented to it and aliased to the child's URN without it, the URN it had before the fleet
     * existed and the one {@code pulumi state move} gives it when the fleet stays behind
     * (state_move.go in pulumi/pulumi re-parents a moved resource whose parent is not moved to the
     * destination's root stack).
     */
    public static ComponentResourceOptions childOf(com.pulumi.resources.Resource fleet) {
        return ComponentResourceOptions.builder().parent(fleet).aliases(Alias.noParent()).build();
    }

    /** One map output keyed by site name, e.g. {@code clusterEndpoints: {aws-use1: https://...}}. */
    private static Output<Map<String, String>> byName(List<Site> sites, Function<Site, Output<String>> value) {
        return KeyedOutputs.of(sites.stream().map(Site::name).toList(), sites.stream().map(value).toList());
    }
}
