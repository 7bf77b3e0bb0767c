package dev.multisite.fleet.parts;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.data.DataEndpoints;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.data.DatabaseTopologyArgs;
import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.FleetOutputs;
import dev.multisite.gitops.GitOps;
import dev.multisite.mesh.ClusterMesh;
import dev.multisite.mesh.MeshTrust;
import dev.multisite.network.AwsEnd;
import dev.multisite.network.CloudWan;
import dev.multisite.network.Interconnect;
import dev.multisite.network.SiteEnd;
import dev.multisite.network.SiteNetwork;
import dev.multisite.network.WanEdge;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.traffic.DnsBackends;
import dev.multisite.traffic.GlobalEndpoint;
import dev.multisite.traffic.GlobalEndpointArgs;
import dev.multisite.traffic.SiteTraffic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The program of one part of a fleet-mode stack ({@link PartGraph}): the part's resources, built
 * by the same components and with the same names as in the one-stack {@link Fleet}, and the
 * outputs other parts read. Whatever comes from another part is read through a stack reference
 * ({@link PartStacks}); secrets read that way stay secrets. The one-stack mode does not use this.
 *
 * <p>Every resource has the URN it has in one stack (type, name and parent chain): each part's
 * root is its own {@code fleet} component, the layers' components are its children, and a part
 * that holds resources of a layer whose component is another part's has its own copy of that
 * component ({@link Scope}). {@code PartsUnionTest} compares the URNs, parents and inputs.
 */
public final class FleetPart {
    private final Topology topology;
    private final Function<String, Output<String>> secret;
    private final PartStacks stacks;
    private final String fleetStack;
    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();
    /** This part's root: the fleet component, as in one stack (each part has its own, as it has its own stack). */
    private final ComponentResource fleet;

    private FleetPart(Topology topology, Function<String, Output<String>> secret, PartStacks stacks, String fleetStack) {
        this.topology = topology;
        this.secret = secret;
        this.stacks = stacks;
        this.fleetStack = fleetStack;
        this.fleet = new ComponentResource(Fleet.TYPE, Fleet.NAME, ComponentResourceOptions.Empty);
    }

    /**
     * Registers part {@code part} of {@code topology} and returns the outputs its stack exports.
     *
     * @param secret     a secret config value by key (e.g. an existing site's kubeconfig)
     * @param fleetStack the fleet's stack name: part of every part's stack name and of each ExternalDNS owner id
     */
    public static Map<String, Output<?>> define(Topology topology, Part part, Function<String, Output<String>> secret, PartStacks stacks,
                                                String fleetStack) {
        var program = new FleetPart(topology, secret, stacks, fleetStack);
        // A switch expression: a new kind of part does not compile until its program is written here.
        Runnable build = switch (part.kind()) {
            case SHARED -> program::shared;
            case WAN -> program::wan;
            case WAN_ATTACHMENTS -> program::wanAttachments;
            case SITE -> () -> program.site(topology.site(part.site()).orElseThrow());
            case LINKS -> program::links;
            case TRAFFIC -> program::traffic;
            case GITOPS -> program::gitops;
            case DATA -> () -> program.data(part);
            case DATA_ENDPOINTS -> program::dataEndpoints;
        };
        build.run();
        return program.outputs;
    }

    /** The mesh CA. */
    private void shared() {
        outputs.put(FleetOutputs.SITE_NAMES, Output.of(topology.sites().stream().map(SiteSpec::name).toList()));
        if (topology.mesh().enabled()) {
            var mesh = new ClusterMesh(Fleet.MESH, topology, Fleet.childOf(fleet));
            outputs.put(SharedFacts.MESH_CA_CERT, mesh.trust().certBase64());
            outputs.put(SharedFacts.MESH_CA_KEY, mesh.trust().keyBase64());
            outputs.put(FleetOutputs.MESH_APISERVER_ADDRESSES, Output.of(mesh.apiserverAddresses));
        }
    }

    /** The Cloud WAN core network, under the interconnect's name and parent chain, as in one stack. */
    private void wan() {
        var wan = new CloudWan(CloudWan.nameIn(Fleet.INTERCONNECT), topology, Scope.childOf(scope(Scope.INTERCONNECT)));
        outputs.put(WanFacts.CORE_NETWORK_ID, wan.coreNetworkId());
    }

    /**
     * The AWS sites' attachments to the core network: each Transit Gateway (from its site part)
     * peered with the core network (from the wan part), on a provider in Network Manager's home region.
     */
    private void wanAttachments() {
        var interconnect = scope(Scope.INTERCONNECT);
        var home = CloudWan.homeProvider(CloudWan.nameIn(Fleet.INTERCONNECT), null);
        var wan = new WanEdge(stacks.of(PartGraph.WAN).string(WanFacts.CORE_NETWORK_ID), home, List.of());
        InterconnectGraph graph = InterconnectGraph.of(topology);
        for (SiteSpec spec : topology.sites()) {
            if (spec.provider() == CloudProvider.AWS) {
                StackFacts facts = stacks.of(Part.siteName(spec.name()));
                ((AwsEnd) RemoteEnds.of(RemoteSites.of(spec, facts, null), facts, graph, interconnect).aliasedAtRoot()).attachTo(wan);
            }
        }
    }

    /** One site: its cluster, its network half, its Cilium (with the shared CA), its DNS agents and health app. */
    private void site(SiteSpec spec) {
        Site site = Sites.create(spec, secret, Fleet.childOf(fleet));
        Optional<SiteEnd> end = Optional.empty();
        if (topology.network().interconnect().enabled()) {
            Optional<SiteNetwork> half = SiteNetwork.of(site, InterconnectGraph.of(topology), InterSitePort.required(topology));
            half.ifPresent(SiteNetwork::complete);
            end = half.map(SiteNetwork::end);
        }
        if (topology.mesh().enabled()) {
            StackFacts shared = stacks.of(PartGraph.SHARED);
            var trust = new MeshTrust(shared.string(SharedFacts.MESH_CA_CERT), shared.secret(SharedFacts.MESH_CA_KEY));
            Sites.completeAfterCni(site, ClusterMesh.member(site, topology, trust, scope(Scope.MESH)));
        }
        if (topology.traffic() != null) {
            boolean route53 = topology.traffic().dns().stream().anyMatch(b -> b.kind() == DnsBackend.Kind.ROUTE53);
            var awsGlobal = route53 ? SiteTraffic.awsGlobal(site.name() + "-global-aws", site.resource()) : null;
            SiteTraffic.install(site, topology, awsGlobal, cloudflareToken(), fleetStack);
        }
        outputs.putAll(site.facts());
        end.ifPresent(e -> outputs.putAll(e.facts()));
    }

    /** Every link, the pre-shared keys and the AWS sites' Cloud WAN attachments. */
    private void links() {
        var network = new Interconnect(Fleet.INTERCONNECT, topology, new RemoteSides(topology, stacks), Fleet.childOf(fleet));
        outputs.put(FleetOutputs.INTERCONNECT, Output.of(network.summary().toMap()));
        if (topology.sites().stream().anyMatch(s -> s.provider() == CloudProvider.EXISTING)) {
            outputs.put(FleetOutputs.ON_PREM_VPN, network.onPremVpn.applyValue(Interconnect::asMaps).asSecret());
        }
    }

    /** Global DNS, health checks and load balancers: they need nothing of the sites but their names. */
    private void traffic() {
        var endpoint = new GlobalEndpoint(Fleet.GLOBAL, GlobalEndpointArgs.builder().topology(topology).cloudflareToken(cloudflareToken()).build(),
                Fleet.childOf(fleet));
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
        new GitOps(Fleet.GITOPS, topology, remoteSites(), Fleet.childOf(fleet));
    }

    /** The database instances, on the sites of the providers holding a primary (the part's dependencies). */
    private void data(Part part) {
        List<Site> sites = new ArrayList<>();
        topology.sites().stream().filter(s -> part.dependsOn().contains(Part.siteName(s.name())))
                .forEach(spec -> sites.add(RemoteSites.of(spec, stacks.of(Part.siteName(spec.name())), null)));
        var data = DatabaseTopology.instancesOnly(Fleet.DATA, DatabaseTopologyArgs.builder().topology(topology).sites(sites).build(),
                Fleet.childOf(fleet));
        outputs.put(FleetOutputs.DATABASE_PRIMARIES, Output.of(data.primaries));
        outputs.put(DataFacts.WRITE_ENDPOINTS, data.writeEndpoints);
        outputs.put(FleetOutputs.DATABASE_REPLICAS, data.replicas);
        outputs.put(FleetOutputs.DATABASE_INSTANCES, data.instances);
        outputs.put(DataFacts.HOSTS, data.hosts);
        outputs.put(DataFacts.CREDENTIAL_REF, data.credentialRef);
        outputs.put(DataFacts.USER, data.user);
    }

    /** What every site is told of the data tier: its hosts per partition (a local node's where it has one) and its credential reference. */
    private void dataEndpoints() {
        StackFacts data = stacks.of(PartGraph.DATA);
        Map<String, List<String>> localReaders = DatabaseTopology.localReaders(topology);
        List<String> partitions = List.copyOf(localReaders.keySet());
        Output<Map<String, String>> writeHosts = data.map(DataFacts.WRITE_ENDPOINTS);
        Output<Map<String, String>> nodeHosts = data.map(DataFacts.HOSTS);
        List<Output<String>> writes = partitions.stream().map(p -> writeHosts.applyValue(m -> m.get(p))).toList();
        List<Site> remote = remoteSites();
        var dataScope = scope(Scope.DATA);
        // The AWS and GCP sites' forwarding of Flexible Server names, as the one stack writes it with the endpoints.
        dev.multisite.data.ZoneForwarding.build(topology, remote, dataScope);
        for (SiteSpec spec : topology.sites()) {
            Site site = remote.stream().filter(s -> s.name().equals(spec.name())).findFirst().orElseThrow();
            List<Output<String>> reads = new ArrayList<>();
            for (int i = 0; i < partitions.size(); i++) {
                String key = spec.name() + "/" + partitions.get(i);
                reads.add(localReaders.get(partitions.get(i)).contains(spec.name()) ? nodeHosts.applyValue(m -> m.get(key)) : writes.get(i));
            }
            boolean local = localReaders.values().stream().allMatch(sites -> sites.contains(spec.name()));
            DataEndpoints.write(site, topology.data(), partitions, writes, reads, local, data.string(DataFacts.CREDENTIAL_REF),
                    data.string(DataFacts.USER), CustomResourceOptions.builder().parent(dataScope).provider(site.kubernetesProvider()));
        }
    }

    /** Every site, read from its part; their providers at the stack's root. */
    private List<Site> remoteSites() {
        List<Site> sites = new ArrayList<>();
        topology.sites().forEach(spec -> sites.add(RemoteSites.of(spec, stacks.of(Part.siteName(spec.name())), null)));
        return sites;
    }

    /** This part's copy of a layer component that holds some of its resources (see {@link Scope}). */
    private ComponentResource scope(Scope scope) {
        return new ComponentResource(scope.type(), scope.componentName(), Fleet.childOf(fleet));
    }

    private Output<String> cloudflareToken() {
        return DnsBackends.cloudflare(topology.traffic()).map(cf -> secret.apply(cf.apiToken())).orElse(null);
    }
}
