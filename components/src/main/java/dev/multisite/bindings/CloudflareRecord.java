package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * {@code cloudflare:index/record:Record}: one DNS record in a Cloudflare zone. Inputs as the
 * provider's v5 schema names them (zoneId, name, type, content, ttl, comment; registry docs
 * "cloudflare.Record", where {@code content} replaced the deprecated {@code value}).
 */
@ResourceType(type = CloudflareRecord.TYPE)
public final class CloudflareRecord extends BoundResource {
    public static final String TYPE = "cloudflare:index/record:Record";

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "zoneId", required = true)
        private final String zoneId;
        @Import(name = "name", required = true)
        private final String name;
        @Import(name = "type", required = true)
        private final String type;
        @Import(name = "content", required = true)
        private final Output<String> content;
        @Import(name = "ttl")
        private final Integer ttl;
        @Import(name = "comment")
        private final String comment;

        public Args(String zoneId, String name, String type, Output<String> content, int ttlSeconds, String comment) {
            this.zoneId = zoneId;
            this.name = name;
            this.type = type;
            this.content = content;
            this.ttl = ttlSeconds;
            this.comment = comment;
        }
    }

    public CloudflareRecord(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.CLOUDFLARE);
    }
}
