package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code gitops.apps[]}: an application deployed to every site its selector matches.
 * Getters return null for an absent key.
 */
public final class GitOpsAppArgs extends ResourceArgs {

    /** The app (and ApplicationSet) name, {@code [a-z][a-z0-9-]{0,40}}. */
    @Import(name = "name", required = true)
    private String name;

    /** The directory in the repository (plain manifests or kustomize). */
    @Import(name = "path", required = true)
    private String path;

    /** The namespace it deploys to. */
    @Import(name = "namespace", required = true)
    private String namespace;

    /**
     * Site labels it deploys to ({@code multisite/site}, {@code multisite/provider},
     * {@code multisite/region}, {@code multisite/role}); default every site.
     */
    @Import(name = "selector", required = false)
    private Map<String, String> selector;

    /** Argo CD sync options; default {@code CreateNamespace=true}. */
    @Import(name = "syncOptions", required = false)
    private List<String> syncOptions;

    /** The app's Services exported to every site over the mesh (MCS API); default none. */
    @Import(name = "globalServices", required = false)
    private List<AppGlobalServiceArgs> globalServices;

    public GitOpsAppArgs() {
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public String namespace() {
        return namespace;
    }

    public Map<String, String> selector() {
        return selector;
    }

    public List<String> syncOptions() {
        return syncOptions;
    }

    public List<AppGlobalServiceArgs> globalServices() {
        return globalServices;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final GitOpsAppArgs args = new GitOpsAppArgs();

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder path(String path) {
            args.path = path;
            return this;
        }

        public Builder namespace(String namespace) {
            args.namespace = namespace;
            return this;
        }

        public Builder selector(Map<String, String> selector) {
            args.selector = selector;
            return this;
        }

        public Builder syncOptions(List<String> syncOptions) {
            args.syncOptions = syncOptions;
            return this;
        }

        public Builder globalServices(List<AppGlobalServiceArgs> globalServices) {
            args.globalServices = globalServices;
            return this;
        }

        public GitOpsAppArgs build() {
            return args;
        }
    }
}
