package dev.multisite.policy;

import dev.multisite.catalog.ResourceTypes;
import dev.multisite.policy.rules.DataRules;
import dev.multisite.policy.rules.GlobalServiceRules;
import dev.multisite.policy.rules.HygieneRules;
import dev.multisite.policy.rules.MeshRules;
import dev.multisite.policy.rules.NetworkRules;
import dev.multisite.policy.rules.SiteRules;
import dev.multisite.policy.rules.TrafficRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The rule set, and the one way every runner evaluates it. */
public final class PolicyPack {
    public static final String NAME = "multisite";
    public static final List<Rule> RULES = Stream.of(SiteRules.ALL, TrafficRules.ALL, DataRules.ALL, MeshRules.ALL, GlobalServiceRules.ALL, NetworkRules.ALL, HygieneRules.ALL)
            .flatMap(List::stream).toList();

    private PolicyPack() {
    }

    /**
     * Resource rules on every resource, then stack rules on the whole stack. A finding that rests
     * on a value not known during the preview is reported as advisory, saying which value it waits
     * for; stack rules that need every resource are skipped on a stack view that hides some
     * ({@link #notJudged}).
     */
    public static List<Violation> evaluate(StackView stack, PolicyConfig config) {
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : RULES) {
            EnforcementLevel level = config.levelOf(rule);
            if (level == EnforcementLevel.DISABLED || !judgeable(rule, stack)) {
                continue;
            }
            var context = new RuleContext(config.parametersOf(rule), stack.topology());
            if (rule.isStackRule()) {
                Map<String, Set<String>> unknownReads = new HashMap<>();
                var selected = stack.selecting(rule.selects());
                var findings = Unknowns.tracking(unknownReads, () -> InputReads.byRule(rule.name(), () -> rule.checkStack(selected, context)));
                // A stack rule compares resources: any unknown it met may have decided any finding.
                findings.forEach(f -> violations.add(violation(rule, level, f, unknownReads)));
            } else {
                for (PolicyResource resource : stack.resources()) {
                    if (!selects(rule, resource)) {
                        continue;
                    }
                    Map<String, Set<String>> unknownReads = new HashMap<>();
                    var findings = Unknowns.tracking(unknownReads, () -> InputReads.byRule(rule.name(), () -> rule.check(resource, context)));
                    findings.forEach(f -> violations.add(violation(rule, level, f, unknownReads)));
                }
            }
        }
        return violations;
    }

    /** Whether the rule is written for this resource's type ({@link Rule#selects()}). */
    public static boolean selects(Rule rule, PolicyResource resource) {
        return rule.selects().stream().anyMatch(pattern -> ResourceTypes.matches(pattern, resource.type()));
    }

    /** The rules that need every resource of the stack and so are not judged on this view. */
    public static List<String> notJudged(StackView stack, PolicyConfig config) {
        return RULES.stream().filter(r -> config.levelOf(r) != EnforcementLevel.DISABLED && !judgeable(r, stack))
                .map(Rule::name).toList();
    }

    private static boolean judgeable(Rule rule, StackView stack) {
        return stack.complete() || !rule.needsEveryResource();
    }

    private static Violation violation(Rule rule, EnforcementLevel level, Rule.Finding finding, Map<String, Set<String>> unknownReads) {
        if (unknownReads.isEmpty()) {
            return new Violation(rule.name(), level, finding.urn(), finding.message(), finding.fix());
        }
        String waitsFor = unknownReads.entrySet().stream()
                .map(e -> e.getKey().substring(e.getKey().lastIndexOf("::") + 2) + " " + String.join(", ", e.getValue()))
                .sorted().collect(Collectors.joining("; "));
        return new Violation(rule.name(), EnforcementLevel.ADVISORY, finding.urn(),
                finding.message() + " (not known during preview: " + waitsFor + "; decided when the value is known, at update)",
                finding.fix());
    }

    public static Rule rule(String name) {
        return RULES.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule '" + name + "'"));
    }
}
