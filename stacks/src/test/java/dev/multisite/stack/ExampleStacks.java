package dev.multisite.stack;

import dev.multisite.offline.Plan;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.StackFile;

import java.nio.file.Path;
import java.util.List;

/** The committed example stacks, read and planned the way {@code ./multisite plan} does. */
public final class ExampleStacks {
    /** Every committed {@code stacks/Pulumi.*.yaml}. Maven runs tests inside {@code stacks/}. */
    public static final List<String> NAMES = List.of("dev", "prod", "global", "data");

    private ExampleStacks() {
    }

    public static Path file(String stack) {
        return Path.of("Pulumi." + stack + ".yaml");
    }

    public static StackFile read(String stack) {
        return StackFile.read(file(stack));
    }

    public static Plan plan(String stack) {
        var file = read(stack);
        return OfflinePlanner.plan(file.stackName(), file.topology());
    }
}
