package dev.multisite.gitops;

import dev.multisite.topology.GitOpsSettings;

import java.util.List;
import java.util.Map;

/** Builds the one ApplicationSet of an app: cluster generator by labels, safe sync, optional rolling sync. */
final class ApplicationSets {
    private ApplicationSets() {
    }

    static ApplicationSetSpec spec(GitOpsSettings.App app, GitOpsSettings gitops, GitOpsSettings.Rollout rollout) {
        var generator = new ApplicationSetSpec.Generator(new ApplicationSetSpec.ClusterGenerator(
                new ApplicationSetSpec.LabelSelector(app.selector(), List.of())));
        var template = new ApplicationSetSpec.Template(
                new ApplicationSetSpec.TemplateMeta(app.name() + "-{{.name}}", Map.of("multisite/app", app.name(),
                        "multisite/site", "{{index .metadata.labels \"multisite/site\"}}")),
                new ApplicationSetSpec.AppSpec("default",
                        new ApplicationSetSpec.Source(gitops.repoUrl(), gitops.revision(), app.path()),
                        new ApplicationSetSpec.Destination("{{.server}}", app.namespace()),
                        new ApplicationSetSpec.AppSyncPolicy(new ApplicationSetSpec.Automated(true, true), app.syncOptions())));
        ApplicationSetSpec.Strategy strategy = null;
        if (rollout != null && !rollout.order().isEmpty()) {
            // One step per site group, in order; a step starts when the previous one is Healthy.
            strategy = new ApplicationSetSpec.Strategy("RollingSync", new ApplicationSetSpec.RollingSync(rollout.order().stream()
                    .map(group -> new ApplicationSetSpec.Step(List.of(new ApplicationSetSpec.Requirement("multisite/site", "In", group)), null))
                    .toList()));
        }
        return new ApplicationSetSpec(true, List.of("missingkey=error"), List.of(generator), template,
                new ApplicationSetSpec.SyncPolicy(true, "create-update"), strategy);
    }
}
