package dev.multisite.fleet.parts;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.data.DataEndpoints;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.data.DatabaseTopologyArgs;
import dev.multisite.data.ZoneForwarding;
import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.FleetOutputs;
import dev.multisite.gitops.GitOps;
import dev.multisite.mesh.ClusterMesh;
import dev.multisite.mesh.Member;
import dev.multisite.network.CloudWan;
import dev.multisite.network.Interconnect;
import dev.multisite.network.SiteEnd;
import dev.multisite.network.SiteNetwork;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.traffic.DnsBackends;
import dev.multisite.traffic.GlobalEndpoint;
import dev.multisite.traffic.GlobalEndpointArgs;
import dev.multisite.traffic.SiteTraffic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The programs of the parts of a fleet ({@link PartGraph}): the one place each layer is wired.
 * One stack runs every part in one program ({@link #defineAll}, which {@link Fleet} does); fleet
 * mode runs one part per stack ({@link #define}). What a part reads of the others comes through
 * {@link OtherParts}: in one stack the objects the parts before it built, in fleet mode their
 * stacks' outputs. So every resource has one URN (type, name and parent chain) in both modes:
 * each part's root is the {@code fleet} component and the layers' components are its children;
 * {@code PartsUnionTest} compares the URNs, parents and inputs.
 */
public final class FleetPart {
    private final Topology topology;
    private final Function<String, Output<String>> secret;
    private final OtherParts others;
    private final String fleetStack;
    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();

    private FleetPart(Topology topology, Function<String, Output<String>> secret, OtherParts others, String fleetStack) {
        this.topology = topology;
        this.secret = secret;
        this.others = others;
        this.fleetStack = fleetStack;
    }

    /**
     * Fleet mode: registers part {@code part} of {@code topology} and returns the outputs its stack
     * exports, reading the other parts through stack references.
     *
     * @param secret     a secret config value by key (e.g. an existing site's kubeconfig)
     * @param fleetStack the fleet's stack name: part of every part's stack name and of each ExternalDNS owner id
     */
    public static Map<String, Output<?>> define(Topology topology, Part part, Function<String, Output<String>> secret, PartStacks stacks,
                                                String fleetStack) {
        var program = new FleetPart(topology, secret, new ReferencedParts(topology, stacks), fleetStack);
        program.build(part);
        return program.outputs;
    }

    /**
     * One stack: registers every part of {@code topology} in this program, under {@code others}'
     * root, each part reading what the parts before it built.
     */
    public static void defineAll(Topology topology, Function<String, Output<String>> secret, InProcessParts others, String stack) {
        var program = new FleetPart(topology, secret, others, stack);
        inProcessOrder(PartGraph.of(topology)).forEach(program::build);
    }

    /**
     * The parts in an order one program can build them in: the graph's order, except that a part
     * putting resources under a layer's component ({@link Scope}) waits for the part that builds it
     * (the wan parts, whose core network is under the interconnect, wait for the links part).
     */
    static List<Part> inProcessOrder(PartGraph graph) {
        List<Part> waiting = new ArrayList<>(graph.parts());
        List<Part> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!waiting.isEmpty()) {
            Part next = waiting.stream().filter(p -> done.containsAll(p.dependsOn()) && ownersBuilt(p, graph, done)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no part of " + graph.names() + " can be built next after " + done));
            waiting.remove(next);
            done.add(next.name());
            order.add(next);
        }
        return order;
    }

    private static boolean ownersBuilt(Part part, PartGraph graph, Set<String> done) {
        for (Scope scope : Scope.values()) {
            if (scope.usedBy(part.kind())) {
                boolean pending = graph.parts().stream().anyMatch(p -> p.kind() == scope.owner() && !done.contains(p.name()));
                if (pending) {
                    return false;
                }
            }
        }
        return true;
    }

    private void build(Part part) {
        // A switch expression: a new kind of part does not compile until its program is written here.
        Runnable build = switch (part.kind()) {
            case SHARED -> this::shared;
            case WAN -> this::wan;
            case WAN_ATTACHMENTS -> this::wanAttachments;
            case SITE -> () -> site(topology.site(part.site()).orElseThrow());
            case LINKS -> this::links;
            case TRAFFIC -> this::traffic;
            case GITOPS -> this::gitops;
            case DATA -> () -> data(part);
            case DATA_ENDPOINTS -> this::dataEndpoints;
        };
        build.run();
    }

    /** The mesh CA. */
    private void shared() {
        outputs.put(FleetOutputs.SITE_NAMES, Output.of(topology.sites().stream().map(SiteSpec::name).toList()));
        if (topology.mesh().enabled()) {
            var mesh = new ClusterMesh(Fleet.MESH, topology, Fleet.childOf(others.root()));
            others.built(mesh);
            outputs.put(SharedFacts.MESH_CA_CERT, mesh.trust().certBase64());
            outputs.put(SharedFacts.MESH_CA_KEY, mesh.trust().keyBase64());
            outputs.put(FleetOutputs.MESH_APISERVER_ADDRESSES, Output.of(mesh.apiserverAddresses));
        }
    }

    /** The Cloud WAN core network, under the interconnect. */
    private void wan() {
        var wan = new CloudWan(CloudWan.nameIn(Fleet.INTERCONNECT), topology, Scope.childOf(others.scope(Scope.INTERCONNECT)));
        others.built(wan);
        outputs.put(WanFacts.CORE_NETWORK_ID, wan.coreNetworkId());
    }

    /** The AWS sites' attachments to the core network: each Transit Gateway peered with it, on a provider in Network Manager's home region. */
    private void wanAttachments() {
        var interconnect = others.scope(Scope.INTERCONNECT);
        var wan = others.wan();
        for (SiteSpec spec : topology.sites()) {
            if (spec.provider() == CloudProvider.AWS) {
                SiteEnd end = others.wanEnd(spec, interconnect);
                end.<Runnable>match(aws -> () -> aws.attachTo(wan), gcp -> () -> { }, azure -> () -> { }).run();
            }
        }
    }

    /** One site: its cluster, its network half, its Cilium (with the shared CA), its DNS agents and health app. */
    private void site(SiteSpec spec) {
        Site site = Sites.create(spec, secret, Fleet.childOf(others.root()));
        Optional<SiteNetwork> half = Optional.empty();
        if (topology.network().interconnect().enabled()) {
            half = SiteNetwork.of(site, InterconnectGraph.of(topology), InterSitePort.required(topology));
            half.ifPresent(SiteNetwork::complete);
        }
        Optional<com.pulumi.resources.Resource> gate = Optional.empty();
        if (topology.mesh().enabled()) {
            Member member = ClusterMesh.member(site, topology, others.meshTrust(), others.scope(Scope.MESH));
            Sites.completeAfterCni(site, member.release());
            gate = member.gate();
        }
        if (topology.traffic() != null) {
            SiteTraffic.install(site, topology, others.route53(site), cloudflareToken(), fleetStack);
        }
        others.built(site, half, gate);
        outputs.putAll(site.facts());
        half.ifPresent(h -> outputs.putAll(h.end().facts()));
    }

    /** Every link and the pre-shared keys. */
    private void links() {
        var network = new Interconnect(Fleet.INTERCONNECT, topology, interconnect -> {
            Map<String, SiteEnd> ends = new LinkedHashMap<>();
            topology.sites().stream().filter(s -> s.provider() != CloudProvider.EXISTING)
                    .forEach(spec -> ends.put(spec.name(), others.linkEnd(spec, interconnect)));
            return ends;
        }, Fleet.childOf(others.root()));
        others.built(network);
        outputs.put(FleetOutputs.INTERCONNECT, Output.of(network.summary().toMap()));
        if (topology.sites().stream().anyMatch(s -> s.provider() == CloudProvider.EXISTING)) {
            outputs.put(FleetOutputs.ON_PREM_VPN, network.onPremVpn.applyValue(Interconnect::asMaps).asSecret());
        }
    }

    /** Global DNS, health checks and load balancers: they need nothing of the sites but their names. */
    private void traffic() {
        var endpoint = new GlobalEndpoint(Fleet.GLOBAL, GlobalEndpointArgs.builder().topology(topology).cloudflareToken(cloudflareToken()).build(),
                Fleet.childOf(others.root()));
        others.built(endpoint);
        outputs.put(FleetOutputs.GLOBAL_HOSTNAME, Output.of(topology.traffic().hostname()));
        outputs.put(FleetOutputs.FAILOVER_BUDGET_SECONDS, Output.of(endpoint.failoverBudgetSeconds));
        outputs.put(FleetOutputs.DRAIN_SWITCHES, endpoint.drainSwitches);
        outputs.put(FleetOutputs.HEALTH_CHECKS, endpoint.healthChecks);
        if (endpoint.cloudflarePools != null) {
            outputs.put(FleetOutputs.CLOUDFLARE_POOLS, endpoint.cloudflarePools);
        }
        DnsBackends.cloudflare(topology.traffic()).ifPresent(cf -> outputs.put(FleetOutputs.CLOUDFLARE_ACCOUNT_ID, Output.of(cf.accountId())));
    }

    private void gitops() {
        new GitOps(Fleet.GITOPS, topology, sites(topology.sites()), others.meshGates(), Fleet.childOf(others.root()));
    }

    /** The database instances, on the sites of the providers holding a primary (the part's dependencies). */
    private void data(Part part) {
        List<Site> sites = sites(topology.sites().stream().filter(s -> part.dependsOn().contains(Part.siteName(s.name()))).toList());
        var data = new DatabaseTopology(Fleet.DATA, DatabaseTopologyArgs.builder().topology(topology).sites(sites).build(),
                Fleet.childOf(others.root()));
        others.built(data);
        outputs.put(FleetOutputs.DATABASE_PRIMARIES, Output.of(data.primaries));
        outputs.put(DataFacts.WRITE_ENDPOINTS, data.writeEndpoints);
        outputs.put(FleetOutputs.DATABASE_REPLICAS, data.replicas);
        outputs.put(FleetOutputs.DATABASE_INSTANCES, data.instances);
        outputs.put(DataFacts.HOSTS, data.hosts);
        outputs.put(DataFacts.CREDENTIAL_REF, data.credentialRef);
        outputs.put(DataFacts.USER, data.user);
    }

    /**
     * What every site is told of the data tier: its hosts per partition (a local node's where it
     * has one) and its credential reference; and the forwarding of Flexible Server names on the
     * sites outside Azure.
     */
    private void dataEndpoints() {
        DataReads data = others.dataReads();
        Map<String, List<String>> localReaders = DatabaseTopology.localReaders(topology);
        List<Site> sites = sites(topology.sites());
        var scope = others.scope(Scope.DATA);
        ZoneForwarding.build(topology, sites, scope);
        List<Output<String>> writes = data.partitions().stream().map(data.writeHost()).toList();
        for (Site site : sites) {
            List<Output<String>> reads = data.partitions().stream().map(p -> data.readHost().apply(site.name(), p)).toList();
            boolean local = localReaders.values().stream().allMatch(readers -> readers.contains(site.name()));
            DataEndpoints.write(site, topology.data(), data.partitions(), writes, reads, local, data.credentialRef(), data.user(),
                    CustomResourceOptions.builder().parent(scope).provider(site.kubernetesProvider()));
        }
    }

    /** The sites another part built; in fleet mode their providers at the stack's root. */
    private List<Site> sites(List<SiteSpec> specs) {
        return specs.stream().map(spec -> others.site(spec, null)).toList();
    }

    private Output<String> cloudflareToken() {
        return DnsBackends.cloudflare(topology.traffic()).map(cf -> secret.apply(cf.apiToken())).orElse(null);
    }
}
