package dev.multisite.network;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import dev.multisite.topology.SiteSpec;

import java.util.Map;
import java.util.function.Function;

/**
 * One cloud site's end of the inter-site links: the facts of its network half a link needs
 * (gateway ids and addresses) and the methods that create link resources on its side. In one
 * stack the half itself makes its end (the link resources are its children); in fleet mode the
 * links part makes it from the site part's stack outputs, so values cross parts only as outputs.
 */
public abstract sealed class SiteEnd permits AwsEnd, GcpEnd, AzureEnd {
    /** Stack output names of the facts a link needs of a VPN gateway (GCP HA VPN, Azure VPN gateway). */
    public static final String VPN_GATEWAY_ID = "vpnGatewayId";
    /** The gateway's public addresses, one per interface or instance. */
    public static final String VPN_ADDRESSES = "vpnAddresses";

    protected final SiteSpec spec;
    private final Resource parent;
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
     * This end as its cloud's type: the exhaustive switch over the sealed ends, without a cast.
     * Java 17 has no pattern switch, so this fold stands in for one: a new end type adds a
     * parameter here, and every caller stops compiling until it decides what that end does.
     */
    public abstract <R> R match(Function<AwsEnd, R> aws, Function<GcpEnd, R> gcp, Function<AzureEnd, R> azure);

    /** {@code <site>-net-<role>}: the names of link resources on this side, the same in every mode. */
    protected String childName(String role) {
        return spec.name() + "-net-" + role;
    }

    /** Options of a link resource on this side: under the end's parent, on the site's cloud provider. */
    protected CustomResourceOptions.Builder options() {
        return CustomResourceOptions.builder().parent(parent).provider(provider);
    }

    protected Resource parent() {
        return parent;
    }
}
