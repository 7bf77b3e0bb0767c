package dev.multisite.traffic;

import com.pulumi.core.Output;
import dev.multisite.site.TopologyArg;
import dev.multisite.topology.Topology;

/**
 * The arguments of {@link GlobalEndpoint}. Build them with {@link #builder()}; the canonical
 * constructor validates, whichever way the record is made, and throws
 * {@link IllegalArgumentException} naming the field and what it expects. No field has a default.
 *
 * @param topology        the validated topology with its {@code traffic} block; required, with a traffic block
 * @param cloudflareToken the scoped Cloudflare API token (a secret); required when {@code traffic.dns}
 *                        declares a cloudflare backend, otherwise null
 */
public record GlobalEndpointArgs(Topology topology, Output<String> cloudflareToken) {

    public GlobalEndpointArgs {
        // The endpoint is built from the traffic block: without one there is nothing to route.
        TopologyArg.withBlock("GlobalEndpointArgs.topology", topology, "the validated topology with its traffic block",
                "traffic", Topology::traffic, "the traffic block (hostname and dns backends) the global endpoint is built from");
        if (cloudflareToken == null && DnsBackends.cloudflare(topology.traffic()).isPresent()) {
            throw new IllegalArgumentException("GlobalEndpointArgs.cloudflareToken: required when traffic.dns declares a cloudflare backend; "
                    + "the scoped Cloudflare API token, a secret");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; {@link #build()} leaves validation to the record. */
    public static final class Builder {
        private Topology topology;
        private Output<String> cloudflareToken;

        private Builder() {
        }

        /** The validated topology with its traffic block; required, no default. */
        public Builder topology(Topology topology) {
            this.topology = topology;
            return this;
        }

        /** The scoped Cloudflare API token, a secret; required with a cloudflare backend, no default (null without one). */
        public Builder cloudflareToken(Output<String> cloudflareToken) {
            this.cloudflareToken = cloudflareToken;
            return this;
        }

        /** Validates (in the canonical constructor). */
        public GlobalEndpointArgs build() {
            return new GlobalEndpointArgs(topology, cloudflareToken);
        }
    }
}
