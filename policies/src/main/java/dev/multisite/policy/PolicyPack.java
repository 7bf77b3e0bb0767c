package dev.multisite.policy;

import dev.multisite.policy.rules.DataRules;
import dev.multisite.policy.rules.HygieneRules;
import dev.multisite.policy.rules.MeshRules;
import dev.multisite.policy.rules.NetworkRules;
import dev.multisite.policy.rules.SiteRules;
import dev.multisite.policy.rules.TrafficRules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The rule set, and the one way every runner evaluates it. */
public final class PolicyPack {
    public static final String NAME = "multisite";
    public static final List<Rule> RULES = Stream.of(SiteRules.ALL, TrafficRules.ALL, DataRules.ALL, MeshRules.ALL, NetworkRules.ALL, HygieneRules.ALL)
            .flatMap(List::stream).toList();

    private PolicyPack() {
    }

    /** Resource rules on every resource, then stack rules on the whole stack. */
    public static List<Violation> evaluate(StackView stack, PolicyConfig config) {
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : RULES) {
            EnforcementLevel level = config.levelOf(rule);
            if (level == EnforcementLevel.DISABLED) {
                continue;
            }
            var context = new RuleContext(config.parametersOf(rule), stack.topology());
            if (rule.isStackRule()) {
                rule.checkStack(stack, context).forEach(f -> violations.add(new Violation(rule.name(), level, f.urn(), f.message(), f.fix())));
            } else {
                for (PolicyResource resource : stack.resources()) {
                    rule.check(resource, context).forEach(f -> violations.add(new Violation(rule.name(), level, f.urn(), f.message(), f.fix())));
                }
            }
        }
        return violations;
    }

    public static Rule rule(String name) {
        return RULES.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule '" + name + "'"));
    }
}
