package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * {@code command:local:Command}: a command run on the machine that runs Pulumi, once, when the
 * resource is created (pulumi-command's schema: {@code create}, {@code environment},
 * {@code interpreter}; outputs {@code stdout}, {@code stderr}). A non-zero exit fails the resource
 * and so everything that depends on it.
 */
@ResourceType(type = LocalCommand.TYPE)
public final class LocalCommand extends BoundResource {
    public static final String TYPE = "command:local:Command";

    @Export(name = "stdout", refs = {String.class}, tree = "[0]")
    private Output<String> stdout;

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "create", required = true)
        private final String create;
        @Import(name = "interpreter")
        private final List<String> interpreter = List.of("/bin/bash", "-c");
        @Import(name = "environment")
        private final Output<Map<String, String>> environment;

        /** A bash script, with environment variables (mark secret values secret: they stay secret in state). */
        public Args(String script, Output<Map<String, String>> environment) {
            this.create = script;
            this.environment = environment;
        }
    }

    public LocalCommand(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.COMMAND);
    }

    public Output<String> stdout() {
        return stdout;
    }
}
