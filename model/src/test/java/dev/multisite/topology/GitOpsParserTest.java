package dev.multisite.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.multisite.topology.Refusal.exactly;
import static dev.multisite.topology.Refusal.startingWith;
import static org.assertj.core.api.Assertions.assertThat;

class GitOpsParserTest {
    static final String HUB = "{argocd: {mode: hub, hubSite: aws-use1}, repoUrl: 'https://github.com/acme/apps.git', "
            + "apps: [{name: hello, path: argocd/apps/hello, namespace: hello}], "
            + "rollout: {order: [[aws-use1], [gcp-euw4, az-weu], [metal-fra]], bakeMinutes: 20}}";

    private static String problemOf(String gitops) {
        ObjectNode doc = Fixtures.valid();
        doc.set("gitops", Fixtures.yaml(gitops));
        return Fixtures.singleProblem(doc);
    }

    @Test
    void perSiteIsTheDefaultAndHubParses() {
        ObjectNode doc = Fixtures.valid();
        doc.set("gitops", Fixtures.yaml("{repoUrl: 'https://github.com/acme/apps.git', apps: [{name: a, path: apps/a, namespace: a}]}"));
        var g = TopologyParser.parse(doc).gitops();
        assertThat(g.argocd().mode()).isEqualTo(GitOpsSettings.Mode.PER_SITE);
        assertThat(g.revision()).isEqualTo("HEAD");
        doc.set("gitops", Fixtures.yaml(HUB));
        var hub = TopologyParser.parse(doc);
        assertThat(hub.gitops().siteLabels(hub.site("aws-use1").orElseThrow())).containsEntry("multisite/role", "hub");
        assertThat(hub.gitops().siteLabels(hub.site("az-weu").orElseThrow())).containsEntry("multisite/role", "workload")
                .containsEntry("multisite/provider", "azure").containsEntry("multisite/region", "westeurope");
    }

    /** Each broken field, and the one problem the parser refuses it with. */
    static Stream<Refusal> refusals() {
        return Stream.of(
                startingWith("hubOnANonexistentSite", () -> problemOf(HUB.replace("hubSite: aws-use1", "hubSite: aws-usw9")),
                        "gitops.argocd.hubSite: 'aws-usw9' is not a site of this stack"),
                exactly("anAppSelectingNoSite", () -> problemOf("{repoUrl: 'https://github.com/acme/apps.git', apps: [{name: a, path: apps/a, namespace: a, selector: {multisite/provider: oracle}}]}"),
                        "gitops.apps[a].selector: {multisite/provider=oracle} selects no site; labels are multisite/site, multisite/provider, multisite/region and multisite/role"),
                exactly("rolloutNamingAnUnknownSite", () -> problemOf(HUB.replace("[metal-fra]", "[metal-fra, metal-ams]")),
                        "gitops.rollout.order[2]: 'metal-ams' is not a site of this stack"),
                exactly("aSiteInTwoRolloutGroups", () -> problemOf(HUB.replace("[metal-fra]", "[metal-fra, aws-use1]")),
                        "gitops.rollout.order[2]: 'aws-use1' is already in group 0; a site belongs to one group"),
                startingWith("aSiteOutsideEveryRolloutGroup", () -> problemOf(HUB.replace(", [metal-fra]", "")),
                        "gitops.rollout.order: site metal-fra is in no group"),
                startingWith("rolloutNeedsAHub", () -> problemOf(HUB.replace("mode: hub, hubSite: aws-use1", "mode: per-site")),
                        "gitops.rollout: needs argocd.mode hub"),
                startingWith("repoUrlMustBeGit", () -> problemOf("{repoUrl: 'ftp://x', apps: []}"),
                        "gitops.repoUrl: 'ftp://x' is not a Git URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesTheBrokenFieldWithItsProblem(Refusal refusal) {
        refusal.check();
    }

}
