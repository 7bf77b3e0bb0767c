package dev.multisite.bindings;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

/** An explicit Random provider ({@code pulumi:providers:random}): default providers are disabled for the project. */
public final class RandomProvider extends ProviderResource {
    public RandomProvider(String name, CustomResourceOptions options) {
        super("random", name, ResourceArgs.Empty, PluginVersions.pinned(options, PluginVersions.RANDOM));
    }
}
