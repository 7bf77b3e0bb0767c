package dev.multisite.stack.parts;

import dev.multisite.offline.Plan;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PreviewReader;
import dev.multisite.policy.Report;
import dev.multisite.policy.StackView;
import dev.multisite.policy.Violation;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.PartPlanner;
import dev.multisite.stack.plan.PreviewDocument;
import dev.multisite.stack.plan.StackFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Policies in fleet mode: one part's preview is judged by the rules that can judge a part (its
 * resources, the topology), and the previews of every part together by every rule, with the
 * findings the one-stack preview gets.
 */
class PartsPolicyTest {

    private static List<StackView> partViews(String stack) {
        StackFile file = ExampleStacks.read(stack);
        Map<String, Plan> plans = PartPlanner.planAll(stack, file.topology());
        List<StackView> views = new ArrayList<>();
        plans.forEach((part, plan) -> views.add(PreviewReader.read(
                PreviewDocument.of(plan, PartPlanner.partConfig(file.config(), stack, part), 0).toTree())));
        return views;
    }

    private static List<String> findings(Report report) {
        return report.violations().stream().map(v -> v.level().key() + " " + v.rule() + ": " + v.message()).sorted().toList();
    }

    @Test
    void allPartsTogetherGetTheOneStackFindingsAndEveryRuleIsJudged() {
        StackFile file = ExampleStacks.read("global");
        Plan one = OfflinePlanner.plan("global", file.topology());
        Report whole = Report.of(PreviewReader.read(PreviewDocument.of(one, file.config(), 0).toTree()), PolicyConfig.DEFAULTS);
        Report parts = Report.of(StackView.union(partViews("global")), PolicyConfig.DEFAULTS);

        // The global stack's one finding is a stack-wide rule over every EKS site: only all parts together show it.
        assertThat(findings(whole)).anyMatch(f -> f.contains("aws-quota-headroom"));
        assertThat(findings(parts)).containsExactlyElementsOf(findings(whole));
        assertThat(parts.notJudged()).isEmpty();
    }

    @Test
    void onePartLeavesTheStackWideRulesForAllPartsAndSaysSo() {
        List<StackView> views = partViews("global");
        StackView site = views.stream().filter(v -> "part site-aws-useast1".equals(v.part())).findFirst().orElseThrow();
        Report report = Report.of(site, PolicyConfig.DEFAULTS);
        assertThat(report.violations()).extracting(Violation::rule).doesNotContain("aws-quota-headroom");
        assertThat(report.notJudged()).contains("aws-quota-headroom", "every-site-health-checked");
        assertThat(report.text()).contains("not judged (the preview is of part site-aws-useast1 only; stack-wide rules need every part");
    }

    @Test
    void aMissingPartLeavesTheSetIncompleteAndAPartGivenTwiceIsRefused() {
        List<StackView> views = partViews("prod");
        List<StackView> withoutData = views.stream().filter(v -> !"part data".equals(v.part())).toList();
        StackView union = StackView.union(withoutData);
        assertThat(union.complete()).isFalse();
        assertThat(union.whyIncomplete()).contains("missing data");
        assertThat(StackView.union(views).complete()).isTrue();

        List<StackView> twice = new ArrayList<>(views);
        twice.add(views.get(0));
        assertThatThrownBy(() -> StackView.union(twice)).hasMessage("part shared: given twice");
    }
}
