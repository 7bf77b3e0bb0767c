package dev.multisite.network;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.networkmanager.CoreNetwork;
import com.pulumi.aws.networkmanager.CoreNetworkArgs;
import com.pulumi.aws.networkmanager.CoreNetworkPolicyAttachment;
import com.pulumi.aws.networkmanager.CoreNetworkPolicyAttachmentArgs;
import com.pulumi.aws.networkmanager.GlobalNetwork;
import com.pulumi.aws.networkmanager.GlobalNetworkArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.topology.CloudWanPolicy;
import dev.multisite.topology.Topology;

import java.util.List;
import java.util.Map;

/**
 * The stack's AWS Cloud WAN core network, which joins the AWS sites' Transit Gateways with dynamic
 * routing. Transit Gateway inter-region peering carries static routes only, which never move when a
 * region fails; a Transit Gateway peered with a core network edge in its region exchanges routes
 * with the core network over BGP through a route table attachment, so a lost region's routes are
 * withdrawn and the second AWS hub's take over
 * (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html,
 * https://docs.aws.amazon.com/vpc/latest/cloudwan/cloudwan-peerings.html).
 *
 * <p>Network Manager's control plane lives in us-west-2, its home region: changing the core network
 * needs that region, forwarding does not (every edge is region-local).
 */
public final class CloudWan extends ComponentResource {
    public static final String TYPE = "multisite:network:CloudWan";
    /**
     * Network Manager's home region: "The Network Manager APIs are supported in the US West (Oregon)
     * Region only" (https://docs.aws.amazon.com/networkmanager/latest/APIReference/Welcome.html).
     */
    public static final String HOME_REGION = "us-west-2";

    private final Provider provider;
    private final CoreNetwork coreNetwork;
    private final CoreNetworkPolicyAttachment policy;

    public CloudWan(String name, Topology topology, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.provider = homeProvider(name, this);
        var global = new GlobalNetwork(name + "-global", GlobalNetworkArgs.builder()
                .description("Multisite inter-site network").build(), options());
        this.coreNetwork = new CoreNetwork(name + "-core", CoreNetworkArgs.builder()
                .globalNetworkId(global.id())
                .description("Multisite AWS sites").build(), options());
        this.policy = new CoreNetworkPolicyAttachment(name + "-policy", CoreNetworkPolicyAttachmentArgs.builder()
                .coreNetworkId(coreNetwork.id())
                .policyDocument(CloudWanPolicy.document(topology)).build(), options());
        registerOutputs(Map.of("coreNetworkId", coreNetwork.id()));
    }

    /** The name of the Cloud WAN of interconnect {@code interconnect}: {@code <interconnect>-wan}. */
    public static String nameIn(String interconnect) {
        return interconnect + "-wan";
    }

    /** An AWS provider in Network Manager's home region, {@code <name>-aws}, under {@code parent} (null: the stack's root). */
    public static Provider homeProvider(String name, Resource parent) {
        var options = CustomResourceOptions.builder();
        if (parent != null) {
            options.parent(parent);
        }
        return new Provider(name + "-aws", ProviderArgs.builder().region(HOME_REGION).build(), options.build());
    }

    public Output<String> coreNetworkId() {
        return coreNetwork.id();
    }

    /** What the sites' attachments need: on the home region's provider, once the policy (and its edges) exists. */
    public WanEdge edge() {
        return new WanEdge(coreNetwork.id(), provider, List.of(policy));
    }

    private CustomResourceOptions options() {
        return CustomResourceOptions.builder().parent(this).provider(provider).build();
    }
}
