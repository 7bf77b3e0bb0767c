package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * One entry of {@code gitops.apps[].globalServices[]}: a Service of the app exported to every site
 * with the Multi-Cluster Services API ({@code <name>.<namespace>.svc.clusterset.local}).
 * Getters return null for an absent key.
 */
public final class AppGlobalServiceArgs extends ResourceArgs {

    /** The Service's name (an RFC 1035 label), in the app's namespace. */
    @Import(name = "name", required = true)
    private String name;

    /** Whether the Service is headless; default false (Cilium then synchronises EndpointSlices). */
    @Import(name = "headless", required = false)
    private Boolean headless;

    public AppGlobalServiceArgs() {
    }

    public String name() {
        return name;
    }

    public Boolean headless() {
        return headless;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final AppGlobalServiceArgs args = new AppGlobalServiceArgs();

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder headless(Boolean headless) {
            args.headless = headless;
            return this;
        }

        public AppGlobalServiceArgs build() {
            return args;
        }
    }
}
