package dev.multisite.network;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import dev.multisite.topology.SiteSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One cloud site's end of the inter-site links: the facts of its network half a link needs
 * (gateway ids and addresses) and the methods that create link resources on its side. In one
 * stack the half itself makes its end; in fleet mode the links part makes it from the site part's
 * stack outputs, so values cross parts only as outputs. In both the link resources are the
 * interconnect's children, so a link has the same URN in both modes.
 */
public abstract sealed class SiteEnd permits AwsEnd, GcpEnd, AzureEnd {
    /** Stack output names of the facts a link needs of a VPN gateway (GCP HA VPN, Azure VPN gateway). */
    public static final String VPN_GATEWAY_ID = "vpnGatewayId";
    /** The gateway's public addresses, one per interface or instance. */
    public static final String VPN_ADDRESSES = "vpnAddresses";

    protected final SiteSpec spec;
    private Resource parent;
    /** Former URNs of this end's link resources (see {@link #moveUnder} and {@link #aliasedAtRoot}). */
    private final List<Alias> aliases = new ArrayList<>();
    private final ProviderResource provider;

    protected SiteEnd(SiteSpec spec, Resource parent, ProviderResource provider) {
        this.spec = spec;
        this.parent = parent;
        this.provider = provider;
    }

    /**
     * What the links part reads of this end, by stack output name: in fleet mode the site part
     * exports these, and the links part makes the same end from them.
     */
    public abstract Map<String, Output<?>> facts();

    /**
     * The facts of a VPN gateway this end terminates tunnels on ({@link #VPN_GATEWAY_ID},
     * {@link #VPN_ADDRESSES}), in a map the end may add its own to; empty where it has no gateway
     * ({@code gatewayId} null: a site that terminates no tunnel).
     */
    protected static Map<String, Output<?>> vpnGatewayFacts(Output<String> gatewayId, Supplier<Output<?>> addresses) {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        if (gatewayId != null) {
            out.put(VPN_GATEWAY_ID, gatewayId);
            out.put(VPN_ADDRESSES, addresses.get());
        }
        return out;
    }

    /**
     * This end as its cloud's type: the exhaustive switch over the sealed ends, without a cast.
     * Java 17 has no pattern switch, so this fold stands in for one: a new end type adds a
     * parameter here, and every caller stops compiling until it decides what that end does.
     */
    public abstract <R> R match(Function<AwsEnd, R> aws, Function<GcpEnd, R> gcp, Function<AzureEnd, R> azure);

    /** {@code <site>-net-<role>}: the names of link resources on this side, the same in every mode. */
    protected String childName(String role) {
        return spec.name() + "-net-" + role;
    }

    /**
     * Puts this end's link resources under {@code interconnect}, as fleet mode's links part does, so a
     * link has one URN in both modes. One stack made them under the site's network half before: an
     * alias with only the parent names that URN (the engine takes the other fields from the
     * resource itself: Alias.Spec in pulumi/pulumi proto/pulumi/alias.proto), so a deployed stack
     * renames them in place instead of replacing them.
     */
    public void moveUnder(Resource interconnect) {
        aliases.add(Alias.builder().parent(parent).build());
        this.parent = interconnect;
    }

    /**
     * Aliases this end's link resources to their URN at the stack's root: where {@code pulumi state
     * move} puts them in a part whose parent component stays behind (fleet mode's wan-attachments
     * part, whose interconnect is a copy; see {@code fleet migrate}).
     */
    public SiteEnd aliasedAtRoot() {
        aliases.add(Alias.noParent());
        return this;
    }

    /** Options of a link resource on this side: under the end's parent, on the site's cloud provider. */
    protected CustomResourceOptions.Builder options() {
        return on(provider);
    }

    /** Options of a link resource on this side under the end's parent, on {@code provider}. */
    protected CustomResourceOptions.Builder on(ProviderResource provider) {
        var options = CustomResourceOptions.builder().parent(parent).provider(provider);
        if (!aliases.isEmpty()) {
            options.aliases(aliases.toArray(Alias[]::new));
        }
        return options;
    }
}
