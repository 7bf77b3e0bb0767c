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
import dev.multisite.traffic.GlobalEndpoint;

import java.util.List;
import java.util.Optional;

/**
 * What a part of the fleet reads of the parts built before it: the one seam between the two ways
 * the same part programs ({@link FleetPart}) are wired. In one stack every part runs in one program
 * and reads the objects the others built ({@link InProcessParts}); in fleet mode each part is a
 * stack of its own and reads the others' stack outputs ({@link ReferencedParts}). A part tells
 * what it built through the {@code built} methods; fleet mode needs none of it.
 */
public interface OtherParts {

    /** The fleet's root component: the {@code fleet} every layer's component is a child of. */
    ComponentResource root();

    /** The component of a layer that holds resources of several parts (see {@link Scope}). */
    ComponentResource scope(Scope scope);

    /** Another part's site; in fleet mode its providers are made under {@code parent} (null: the stack's root). */
    Site site(SiteSpec spec, Resource parent);

    /** A cloud site's end of its links, its link resources under {@code interconnect}. */
    SiteEnd linkEnd(SiteSpec spec, Interconnect interconnect);

    /** An AWS site's end, for its Cloud WAN attachment (the wan-attachments part). */
    SiteEnd wanEnd(SiteSpec spec, Resource interconnect);

    /** The Cloud WAN core network the AWS sites attach to. */
    WanEdge wan();

    /** The mesh CA, as the sites' Cilium releases take it. */
    MeshTrust meshTrust();

    /** The AWS provider a Route 53 backend's IAM role of {@code site} is made on; null without a Route 53 backend. */
    Provider route53(Site site);

    /** What the ApplicationSets wait for: every site's mesh gate where they are in the same program, else none (their sites are deployed). */
    List<Resource> meshGates();

    /** What every site is told of the data tier, as the data part made it. */
    DataReads dataReads();

    // What a part built, for the parts after it in the same program; fleet mode needs none of it.

    default void built(ClusterMesh mesh) {
    }

    default void built(GlobalEndpoint endpoint) {
    }

    /** A site, its network half (empty for an existing site or without an interconnect) and its mesh gate. */
    default void built(Site site, Optional<SiteNetwork> half, Optional<Resource> meshGate) {
    }

    default void built(Interconnect interconnect) {
    }

    default void built(CloudWan wan) {
    }

    default void built(DatabaseTopology data) {
    }
}
