package dev.multisite.fleet;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.data.DatabaseTopologyArgs;
import dev.multisite.gitops.GitOps;
import dev.multisite.mesh.ClusterMesh;
import dev.multisite.mesh.ClusterMeshArgs;
import dev.multisite.network.Interconnect;
import dev.multisite.network.InterconnectSummary;
import dev.multisite.network.OnPremTunnel;
import dev.multisite.site.KeyedOutputs;
import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyParser;
import dev.multisite.traffic.DnsBackends;
import dev.multisite.traffic.GlobalEndpoint;
import dev.multisite.traffic.GlobalEndpointArgs;
import dev.multisite.traffic.SiteTraffic;

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
 * <p>The args are checked by the topology parser (the same invariants and messages as a stack
 * file) before anything is registered, the fleet itself included. Its direct children carry a
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

    @Export(name = "siteNames")
    public final Output<List<String>> siteNames;
    @Export(name = "clusterNames")
    public final Output<Map<String, String>> clusterNames;
    @Export(name = "clusterEndpoints")
    public final Output<Map<String, String>> clusterEndpoints;
    /** A secret. */
    @Export(name = "kubeconfigs")
    public final Output<Map<String, String>> kubeconfigs;
    @Export(name = "interconnect")
    public final Output<InterconnectSummary> interconnect;
    /** A secret: it holds the tunnels' pre-shared keys. */
    @Export(name = "onPremVpn")
    public final Output<Map<String, List<OnPremTunnel>>> onPremVpn;
    @Export(name = "meshApiserverAddresses")
    public final Output<Map<String, String>> meshApiserverAddresses;
    @Export(name = "globalHostname")
    public final Output<String> globalHostname;
    @Export(name = "failoverBudgetSeconds")
    public final Output<Map<String, Integer>> failoverBudgetSeconds;
    @Export(name = "drainSwitches")
    public final Output<Map<String, String>> drainSwitches;
    @Export(name = "healthChecks")
    public final Output<Map<String, String>> healthChecks;
    @Export(name = "cloudflarePools")
    public final Output<Map<String, String>> cloudflarePools;
    @Export(name = "cloudflareAccountId")
    public final Output<String> cloudflareAccountId;
    @Export(name = "databasePrimaries")
    public final Output<Map<String, String>> databasePrimaries;
    @Export(name = "databaseWriteEndpoints")
    public final Output<Map<String, String>> databaseWriteEndpoints;
    @Export(name = "databaseReplicas")
    public final Output<Map<String, Map<String, String>>> databaseReplicas;
    @Export(name = "databaseInstances")
    public final Output<Map<String, String>> databaseInstances;

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();

    public Fleet(String name, FleetArgs args, ComponentResourceOptions options) {
        super(TYPE, name, checked(args, options));
        // Parsed again: the component host allows one constructor, so the check before super()
        // cannot hand its result over.
        Topology topology = TopologyParser.parse(args.topologyTree());
        Function<String, Output<String>> secret = key -> args.secrets().get(key).asSecret();
        List<Site> sites = new ArrayList<>();
        for (var spec : topology.sites()) {
            sites.add(Sites.create(spec, secret, child()));
        }
        this.siteNames = Output.of(sites.stream().map(Site::name).toList());
        this.clusterNames = byName(sites, Site::clusterName);
        this.clusterEndpoints = byName(sites, Site::endpoint);
        this.kubeconfigs = byName(sites, Site::kubeconfig).asSecret();
        Interconnect network = topology.network().interconnect().enabled()
                ? new Interconnect(INTERCONNECT, topology, sites, child()) : null;
        this.interconnect = network == null ? null : Output.of(network.summary());
        this.onPremVpn = network == null || topology.sites().stream().noneMatch(s -> s.provider() == CloudProvider.EXISTING)
                ? null : network.onPremVpn;

        var traffic = topology.traffic();
        GlobalEndpoint endpoint = null;
        if (traffic != null) {
            var cloudflare = DnsBackends.cloudflare(traffic);
            Output<String> cloudflareToken = cloudflare.map(cf -> secret.apply(cf.apiToken())).orElse(null);
            endpoint = new GlobalEndpoint(GLOBAL,
                    GlobalEndpointArgs.builder().topology(topology).cloudflareToken(cloudflareToken).build(), child());
            String stack = Deployment.getInstance().getStackName();
            for (Site site : sites) {
                SiteTraffic.install(site, topology, endpoint.awsGlobal, cloudflareToken, stack);
            }
            this.cloudflareAccountId = cloudflare.map(cf -> Output.of(cf.accountId())).orElse(null);
        } else {
            this.cloudflareAccountId = null;
        }
        this.globalHostname = traffic == null ? null : Output.of(traffic.hostname());
        this.failoverBudgetSeconds = endpoint == null ? null : Output.of(endpoint.failoverBudgetSeconds);
        this.drainSwitches = endpoint == null ? null : endpoint.drainSwitches;
        this.healthChecks = endpoint == null ? null : endpoint.healthChecks;
        this.cloudflarePools = endpoint == null ? null : endpoint.cloudflarePools;

        ClusterMesh mesh = null;
        if (topology.mesh().enabled()) {
            mesh = new ClusterMesh(MESH, ClusterMeshArgs.builder().topology(topology).sites(sites).build(), child());
            for (Site site : sites) {
                // EKS sites are created without CoreDNS (Cilium is their CNI); it follows the CNI.
                Sites.completeAfterCni(site, mesh.ciliumRelease(site.name()));
            }
        }
        this.meshApiserverAddresses = mesh == null ? null : Output.of(mesh.apiserverAddresses);
        if (topology.gitops() != null) {
            new GitOps(GITOPS, topology, sites, mesh == null ? List.of() : mesh.gates(), child());
        }
        DatabaseTopology data = topology.data() == null ? null
                : new DatabaseTopology(DATA, DatabaseTopologyArgs.builder().topology(topology).sites(sites).build(), child());
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
        put("siteNames", siteNames);
        put("clusterNames", clusterNames);
        put("clusterEndpoints", clusterEndpoints);
        put("kubeconfigs", kubeconfigs);
        put("interconnect", interconnect == null ? null : interconnect.applyValue(InterconnectSummary::toMap));
        put("onPremVpn", onPremVpn == null ? null : onPremVpn.applyValue(Interconnect::asMaps));
        put("globalHostname", globalHostname);
        put("failoverBudgetSeconds", failoverBudgetSeconds);
        put("drainSwitches", drainSwitches);
        put("healthChecks", healthChecks);
        put("cloudflarePools", cloudflarePools);
        put("cloudflareAccountId", cloudflareAccountId);
        put("meshApiserverAddresses", meshApiserverAddresses);
        put("databasePrimaries", databasePrimaries);
        put("databaseWriteEndpoints", databaseWriteEndpoints);
        put("databaseReplicas", databaseReplicas);
        put("databaseInstances", databaseInstances);
    }

    private void put(String name, Output<?> value) {
        if (value != null) {
            outputs.put(name, value);
        }
    }

    /**
     * Parses the args' topology and checks that every secret it names is given, before the fleet
     * registers itself: a bad topology registers nothing at all.
     */
    private static ComponentResourceOptions checked(FleetArgs args, ComponentResourceOptions options) {
        Topology topology = TopologyParser.parse(args.topologyTree());
        List<String> missing = new ArrayList<>();
        topology.secretConfigKeys().forEach((path, key) -> {
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
        return ComponentResourceOptions.builder().parent(this).aliases(Alias.noParent()).build();
    }

    /** One map output keyed by site name, e.g. {@code clusterEndpoints: {aws-use1: https://...}}. */
    private static Output<Map<String, String>> byName(List<Site> sites, Function<Site, Output<String>> value) {
        return KeyedOutputs.of(sites.stream().map(Site::name).toList(), sites.stream().map(value).toList());
    }
}
