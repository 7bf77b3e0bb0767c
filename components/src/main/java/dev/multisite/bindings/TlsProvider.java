package dev.multisite.bindings;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

/** An explicit TLS provider ({@code pulumi:providers:tls}): default providers are disabled for the project. */
public final class TlsProvider extends ProviderResource {
    public TlsProvider(String name, CustomResourceOptions options) {
        super("tls", name, ResourceArgs.Empty, PluginVersions.pinned(options, PluginVersions.TLS));
    }
}
