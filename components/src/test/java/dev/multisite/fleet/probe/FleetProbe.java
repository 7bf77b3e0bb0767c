package dev.multisite.fleet.probe;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.fleet.FleetArgs;

/**
 * A component with the constructor shape the Pulumi component host requires, so that a test can
 * run the SDK's schema inference over {@link FleetArgs}. Never constructed.
 */
public final class FleetProbe extends ComponentResource {
    public FleetProbe(String name, FleetArgs args, ComponentResourceOptions options) {
        super("multisite:index:FleetProbe", name, options);
    }
}
