package dev.multisite.fleet.parts;

import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.fleet.Fleet;
import dev.multisite.mesh.ClusterMesh;
import dev.multisite.network.Interconnect;
import dev.multisite.parts.PartKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * A layer component that holds resources of several parts: its owner part builds the component
 * itself, and every other part holding some of its resources registers a copy of it (same type,
 * name and parent, no inputs), so those resources have the URN they have in one stack. A
 * component has no cloud state, so a copy costs nothing; {@code fleet migrate} moves the
 * component itself to its owner.
 *
 * <p>In one stack there is one component: the owner part builds it before the parts that put
 * resources under it ({@link FleetPart#inProcessOrder}).
 *
 * @param owner the kind of part that builds the component
 * @param users the kinds of part that put resources under it
 */
public enum Scope {
    /** The site parts' Cilium releases, under the mesh component of the shared part. */
    MESH(ClusterMesh.TYPE, Fleet.MESH, PartKind.SHARED, EnumSet.of(PartKind.SITE)),
    /** The core network (wan part) and the AWS sites' attachments to it (wan-attachments part), under the links part's interconnect. */
    INTERCONNECT(Interconnect.TYPE, Fleet.INTERCONNECT, PartKind.LINKS, EnumSet.of(PartKind.WAN, PartKind.WAN_ATTACHMENTS)),
    /** What the data-endpoints part tells every site of the data tier, under the data part's database topology. */
    DATA(DatabaseTopology.TYPE, Fleet.DATA, PartKind.DATA, EnumSet.of(PartKind.DATA_ENDPOINTS));

    private final String type;
    private final String name;
    private final PartKind owner;
    private final Set<PartKind> users;

    Scope(String type, String name, PartKind owner, Set<PartKind> users) {
        this.type = type;
        this.name = name;
        this.owner = owner;
        this.users = users;
    }

    public String type() {
        return type;
    }

    public String componentName() {
        return name;
    }

    public PartKind owner() {
        return owner;
    }

    /** Whether a part of kind {@code kind} puts resources under this component. */
    public boolean usedBy(PartKind kind) {
        return users.contains(kind);
    }

    /**
     * Options of a component under a part's copy of a scope: its parent, and an alias to its URN at
     * the stack's root, where {@code pulumi state move} puts it when the scope's component moves
     * to its owner part instead (state_move.go in pulumi/pulumi).
     */
    static ComponentResourceOptions childOf(Resource copy) {
        return ComponentResourceOptions.builder().parent(copy).aliases(Alias.noParent()).build();
    }
}
