package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code cloudflare:index/record:Record}: one DNS record in a Cloudflare zone. Inputs as the
 * provider's v5 schema names them (zoneId, name, type, content, ttl, comment; registry docs
 * "cloudflare.Record", where {@code content} replaced the deprecated {@code value}).
 */
@ResourceType(type = "cloudflare:index/record:Record")
public final class CloudflareRecord extends CustomResource {
    public static final String TYPE = "cloudflare:index/record:Record";

    public static final class Args extends ResourceArgs {
        @Import(name = "zoneId", required = true)
        private final Output<String> zoneId;
        @Import(name = "name", required = true)
        private final Output<String> name;
        @Import(name = "type", required = true)
        private final Output<String> type;
        @Import(name = "content", required = true)
        private final Output<String> content;
        @Import(name = "ttl")
        private final Output<Integer> ttl;
        @Import(name = "comment")
        private final Output<String> comment;

        public Args(String zoneId, String name, String type, Output<String> content, int ttlSeconds, String comment) {
            this.zoneId = Output.of(zoneId);
            this.name = Output.of(name);
            this.type = Output.of(type);
            this.content = content;
            this.ttl = Output.of(ttlSeconds);
            this.comment = Output.of(comment);
        }
    }

    public CloudflareRecord(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, PluginVersions.pinned(options, PluginVersions.CLOUDFLARE));
    }
}
