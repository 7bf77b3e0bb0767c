package dev.multisite.network;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * What a site's Cloud WAN attachment needs of the core network: its id, the provider in Network
 * Manager's home region, and what must exist first (the policy with its edges, in one stack; in
 * fleet mode the wan part has deployed before the links part, so nothing).
 */
public record WanEdge(Output<String> coreNetworkId, Provider provider, List<Resource> after) {
    public WanEdge {
        after = List.copyOf(after);
    }
}
