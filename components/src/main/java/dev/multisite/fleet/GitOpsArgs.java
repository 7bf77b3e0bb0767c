package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * The {@code gitops} block: Argo CD, the repository, the apps every site runs and their rollout.
 * Getters return null for an absent key.
 */
public final class GitOpsArgs extends ResourceArgs {

    /** Where Argo CD runs and which chart; absent means every default. */
    @Import(name = "argocd", required = false)
    private ArgoCdArgs argocd;

    /** The Git repository the apps come from ({@code https://}, {@code ssh://} or {@code git@}). */
    @Import(name = "repoUrl", required = true)
    private String repoUrl;

    /** Branch, tag or commit; default {@code HEAD}. */
    @Import(name = "revision", required = false)
    private String revision;

    /** The applications, each deployed to every site its selector matches. */
    @Import(name = "apps", required = false)
    private List<GitOpsAppArgs> apps;

    /** A progressive rollout over site groups (hub mode only); optional. */
    @Import(name = "rollout", required = false)
    private RolloutArgs rollout;

    public GitOpsArgs() {
    }

    public ArgoCdArgs argocd() {
        return argocd;
    }

    public String repoUrl() {
        return repoUrl;
    }

    public String revision() {
        return revision;
    }

    public List<GitOpsAppArgs> apps() {
        return apps;
    }

    public RolloutArgs rollout() {
        return rollout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final GitOpsArgs args = new GitOpsArgs();

        public Builder argocd(ArgoCdArgs argocd) {
            args.argocd = argocd;
            return this;
        }

        public Builder repoUrl(String repoUrl) {
            args.repoUrl = repoUrl;
            return this;
        }

        public Builder revision(String revision) {
            args.revision = revision;
            return this;
        }

        public Builder apps(List<GitOpsAppArgs> apps) {
            args.apps = apps;
            return this;
        }

        public Builder rollout(RolloutArgs rollout) {
            args.rollout = rollout;
            return this;
        }

        public GitOpsArgs build() {
            return args;
        }
    }
}
