package dev.multisite.bindings;

import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/** The provider plugin versions the bindings are written against, applied to every binding resource. */
public final class PluginVersions {
    /** pulumi-cloudflare 5.x: the schema these bindings follow (v6 renamed most load-balancing properties). */
    static final String CLOUDFLARE = "5.49.1";
    /**
     * pulumi-gcp 8.41.1, for the Cloud DNS bindings only: the pinned Java SDK (7.0.0) has no
     * routing-policy {@code healthCheck}, no {@code externalEndpoints} and no health check
     * {@code sourceRegions}; 8.41.1's schema has all three (its generated @pulumi/gcp types,
     * types/input.d.ts RecordSetRoutingPolicy*, compute/healthCheck.d.ts). Everything else stays on the SDK.
     */
    public static final String GCP_CLOUD_DNS = "8.41.1";
    /** pulumi-tls 5.x. */
    static final String TLS = "5.0.9";
    /** pulumi-random 4.x. */
    static final String RANDOM = "4.16.7";
    /** pulumi-command 1.x (no Java SDK on Maven Central: com.pulumi:command is not published there). */
    static final String COMMAND = "1.0.1";

    /** Package name to the plugin version its resources request: what a provider plugin must be installed at. */
    public static final Map<String, String> BY_PACKAGE = Map.of("cloudflare", CLOUDFLARE, "tls", TLS, "random", RANDOM,
            "command", COMMAND);

    private PluginVersions() {
    }

    static CustomResourceOptions pinned(CustomResourceOptions options, String version) {
        return CustomResourceOptions.merge(options, CustomResourceOptions.builder().version(version).build());
    }
}
