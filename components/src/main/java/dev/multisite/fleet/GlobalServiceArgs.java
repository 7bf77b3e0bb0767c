package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * One entry of {@code mesh.globalServices[]}: a Service shared across the mesh
 * ({@code service.cilium.io/global}).
 * Getters return null for an absent key.
 */
public final class GlobalServiceArgs extends ResourceArgs {

    @Import(name = "namespace", required = true)
    private String namespace;

    /** The Service's name; it must exist with this name in every site. */
    @Import(name = "name", required = true)
    private String name;

    /** {@code local} (default), {@code remote} or {@code none}. */
    @Import(name = "affinity", required = false)
    private String affinity;

    public GlobalServiceArgs() {
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public String affinity() {
        return affinity;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final GlobalServiceArgs args = new GlobalServiceArgs();

        public Builder namespace(String namespace) {
            args.namespace = namespace;
            return this;
        }

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder affinity(String affinity) {
            args.affinity = affinity;
            return this;
        }

        public GlobalServiceArgs build() {
            return args;
        }
    }
}
