package dev.multisite.bindings;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

/** An explicit command provider ({@code pulumi:providers:command}): default providers are disabled for the project. */
public final class CommandProvider extends ProviderResource {
    public CommandProvider(String name, CustomResourceOptions options) {
        super("command", name, ResourceArgs.Empty, PluginVersions.pinned(options, PluginVersions.COMMAND));
    }
}
