package dev.multisite.traffic;

import com.pulumi.core.Output;
import dev.multisite.topology.Topology;

/**
 * @param topology        the validated topology with its {@code traffic} block
 * @param cloudflareToken the scoped Cloudflare API token (a secret), when a cloudflare backend is declared
 */
public record GlobalEndpointArgs(Topology topology, Output<String> cloudflareToken) {
}
