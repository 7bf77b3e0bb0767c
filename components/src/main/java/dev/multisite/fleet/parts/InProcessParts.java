package dev.multisite.fleet.parts;

import com.pulumi.aws.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.mesh.ClusterMesh;
import dev.multisite.mesh.MeshTrust;
import dev.multisite.network.CloudWan;
import dev.multisite.network.Interconnect;
import dev.multisite.network.SiteEnd;
import dev.multisite.network.SiteNetwork;
import dev.multisite.network.WanEdge;
import dev.multisite.site.Site;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.traffic.GlobalEndpoint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stack's wiring: every part runs in this program, and a part reads the objects the parts
 * before it built. A layer's component is the one its owner part built (the mesh, the
 * interconnect, the database topology), so each resource is registered once, under the parent
 * it has in fleet mode; the site's own providers serve every part.
 */
public final class InProcessParts implements OtherParts {
    private final ComponentResource root;
    private final Topology topology;
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final Map<String, SiteEnd> ends = new LinkedHashMap<>();
    private final List<Resource> gates = new ArrayList<>();
    private final Map<Scope, ComponentResource> scopes = new EnumMap<>(Scope.class);
    private ClusterMesh mesh;
    private GlobalEndpoint endpoint;
    private Interconnect interconnect;
    private CloudWan wan;
    private DatabaseTopology data;

    public InProcessParts(ComponentResource root, Topology topology) {
        this.root = root;
        this.topology = topology;
    }

    @Override
    public ComponentResource root() {
        return root;
    }

    @Override
    public ComponentResource scope(Scope scope) {
        ComponentResource owner = scopes.get(scope);
        if (owner == null) {
            throw new IllegalStateException("the " + scope.owner() + " part builds the " + scope.componentName()
                    + " component before any part that puts resources under it (FleetPart.inProcessOrder)");
        }
        return owner;
    }

    @Override
    public Site site(SiteSpec spec, Resource parent) {
        return built(sites, spec.name(), "site");
    }

    /** The end of the half its site part built; its link resources move under the interconnect, aliased to their former URN there. */
    @Override
    public SiteEnd linkEnd(SiteSpec spec, Interconnect interconnect) {
        SiteEnd end = built(ends, spec.name(), "network half");
        end.moveUnder(interconnect);
        return end;
    }

    @Override
    public SiteEnd wanEnd(SiteSpec spec, Resource interconnect) {
        return built(ends, spec.name(), "network half");
    }

    @Override
    public WanEdge wan() {
        return wan.edge();
    }

    @Override
    public MeshTrust meshTrust() {
        return mesh.trust();
    }

    /** The one AWS provider of the global endpoint: one stack has one for every site. */
    @Override
    public Provider route53(Site site) {
        return endpoint.awsGlobal;
    }

    @Override
    public List<Resource> meshGates() {
        return List.copyOf(gates);
    }

    @Override
    public DataReads dataReads() {
        List<String> partitions = List.copyOf(DatabaseTopology.localReaders(topology).keySet());
        return new DataReads(partitions, data::writeHost, data::readHost, data.credentialRef, data.user);
    }

    @Override
    public void built(ClusterMesh mesh) {
        this.mesh = mesh;
        scopes.put(Scope.MESH, mesh);
    }

    @Override
    public void built(GlobalEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void built(Site site, Optional<SiteNetwork> half, Optional<Resource> meshGate) {
        sites.put(site.name(), site);
        half.ifPresent(h -> ends.put(site.name(), h.end()));
        meshGate.ifPresent(gates::add);
    }

    @Override
    public void built(Interconnect interconnect) {
        this.interconnect = interconnect;
        scopes.put(Scope.INTERCONNECT, interconnect);
    }

    @Override
    public void built(CloudWan wan) {
        this.wan = wan;
    }

    @Override
    public void built(DatabaseTopology data) {
        this.data = data;
        scopes.put(Scope.DATA, data);
    }

    /** Every site, in the topology's order. */
    public List<Site> sites() {
        return topology.sites().stream().map(s -> built(sites, s.name(), "site")).toList();
    }

    public Optional<ClusterMesh> mesh() {
        return Optional.ofNullable(mesh);
    }

    public Optional<GlobalEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    public Optional<Interconnect> interconnect() {
        return Optional.ofNullable(interconnect);
    }

    public Optional<DatabaseTopology> data() {
        return Optional.ofNullable(data);
    }

    private static <T> T built(Map<String, T> bySite, String site, String what) {
        T value = bySite.get(site);
        if (value == null) {
            throw new IllegalStateException("no " + what + " of site " + site + " was built before the part that reads it");
        }
        return value;
    }
}
