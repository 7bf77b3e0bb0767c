package dev.multisite.fleet.parts;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.fleet.Fleet;
import dev.multisite.mesh.MeshTrust;
import dev.multisite.network.CloudWan;
import dev.multisite.network.Interconnect;
import dev.multisite.network.SiteEnd;
import dev.multisite.network.WanEdge;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.site.Site;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.InterconnectGraph;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.traffic.SiteTraffic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fleet mode's wiring: each part is a stack of its own, and what it reads of another part comes
 * through a stack reference to that part's stack ({@link PartStacks}); secrets read that way stay
 * secrets. A site read so has providers of its own in the reading part ({@link RemoteSites}), and
 * a layer component that holds some of this part's resources is a copy ({@link Scope}).
 */
public final class ReferencedParts implements OtherParts {
    private final Topology topology;
    private final PartStacks stacks;
    /** This part's root: the fleet component, as in one stack (each part has its own, as it has its own stack). */
    private final ComponentResource root;
    private final Map<Scope, ComponentResource> copies = new EnumMap<>(Scope.class);

    public ReferencedParts(Topology topology, PartStacks stacks) {
        this.topology = topology;
        this.stacks = stacks;
        this.root = new ComponentResource(Fleet.TYPE, Fleet.NAME, ComponentResourceOptions.Empty);
    }

    @Override
    public ComponentResource root() {
        return root;
    }

    @Override
    public ComponentResource scope(Scope scope) {
        return copies.computeIfAbsent(scope, s -> new ComponentResource(s.type(), s.componentName(), Fleet.childOf(root)));
    }

    @Override
    public Site site(SiteSpec spec, Resource parent) {
        return RemoteSites.of(spec, siteFacts(spec), parent);
    }

    @Override
    public SiteEnd linkEnd(SiteSpec spec, Interconnect interconnect) {
        StackFacts facts = siteFacts(spec);
        return RemoteEnds.of(RemoteSites.of(spec, facts, interconnect), facts, interconnect.graph, interconnect);
    }

    /** Aliased at the stack's root: this part's interconnect is a copy, which {@code fleet migrate} leaves behind. */
    @Override
    public SiteEnd wanEnd(SiteSpec spec, Resource interconnect) {
        StackFacts facts = siteFacts(spec);
        return RemoteEnds.of(RemoteSites.of(spec, facts, null), facts, InterconnectGraph.of(topology), interconnect).aliasedAtRoot();
    }

    /** The wan part's core network, on a provider of this part's in Network Manager's home region. */
    @Override
    public WanEdge wan() {
        var home = CloudWan.homeProvider(CloudWan.nameIn(Fleet.INTERCONNECT), null);
        return new WanEdge(stacks.of(PartGraph.WAN).string(WanFacts.CORE_NETWORK_ID), home, List.of());
    }

    @Override
    public MeshTrust meshTrust() {
        StackFacts shared = stacks.of(PartGraph.SHARED);
        return new MeshTrust(shared.string(SharedFacts.MESH_CA_CERT), shared.secret(SharedFacts.MESH_CA_KEY));
    }

    /** A provider of the site part's own, under the site. */
    @Override
    public Provider route53(Site site) {
        boolean route53 = topology.traffic().dns().stream().anyMatch(b -> b.kind() == DnsBackend.Kind.ROUTE53);
        return route53 ? SiteTraffic.awsGlobal(site.name() + "-global-aws", site.resource()) : null;
    }

    /** None: the GitOps part deploys after every site part, whose gates are then done. */
    @Override
    public List<Resource> meshGates() {
        return List.of();
    }

    @Override
    public DataReads dataReads() {
        StackFacts data = stacks.of(PartGraph.DATA);
        Map<String, List<String>> localReaders = DatabaseTopology.localReaders(topology);
        Output<Map<String, String>> writeHosts = data.map(DataFacts.WRITE_ENDPOINTS);
        Output<Map<String, String>> nodeHosts = data.map(DataFacts.HOSTS);
        java.util.function.Function<String, Output<String>> write = p -> writeHosts.applyValue(m -> m.get(p));
        return new DataReads(List.copyOf(localReaders.keySet()), write,
                (site, p) -> localReaders.get(p).contains(site) ? nodeHosts.applyValue(m -> m.get(site + "/" + p)) : write.apply(p),
                data.string(DataFacts.CREDENTIAL_REF), data.string(DataFacts.USER));
    }

    private StackFacts siteFacts(SiteSpec spec) {
        return stacks.of(Part.siteName(spec.name()));
    }
}
