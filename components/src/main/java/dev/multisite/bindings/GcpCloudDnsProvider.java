package dev.multisite.bindings;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

/**
 * An explicit Google Cloud provider ({@code pulumi:providers:gcp}) at
 * {@link PluginVersions#GCP_CLOUD_DNS}, for the Cloud DNS bindings: the project's other Google
 * resources use the Java SDK's provider. Credentials are the ambient Google ones (application
 * default credentials), as for the SDK's provider.
 */
public final class GcpCloudDnsProvider extends ProviderResource {

    public static final class Args extends ResourceArgs {
        @Import(name = "project", required = true)
        private final String project;

        /** @param project the project holding the managed zone and the health checks */
        public Args(String project) {
            this.project = project;
        }
    }

    public GcpCloudDnsProvider(String name, Args args, CustomResourceOptions options) {
        super("gcp", name, args, PluginVersions.pinned(options, PluginVersions.GCP_CLOUD_DNS));
    }
}
