package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

/** An explicit Cloudflare provider ({@code pulumi:providers:cloudflare}) authenticated by a scoped API token. */
public final class CloudflareProvider extends ProviderResource {

    public static final class Args extends ResourceArgs {
        @Import(name = "apiToken", required = true)
        private final Output<String> apiToken;

        /** @param apiToken a scoped API token; kept a secret */
        public Args(Output<String> apiToken) {
            this.apiToken = apiToken.asSecret();
        }
    }

    public CloudflareProvider(String name, Args args, CustomResourceOptions options) {
        super("cloudflare", name, args, PluginVersions.pinned(options, PluginVersions.CLOUDFLARE));
    }
}
