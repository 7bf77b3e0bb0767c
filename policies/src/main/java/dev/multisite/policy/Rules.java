package dev.multisite.policy;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Builds rules from a name, a level, words for the docs, defaults and one check function. */
public final class Rules {
    private Rules() {
    }

    record Defined(String name, EnforcementLevel defaultLevel, String description, String why, String fix, Map<String, Object> defaults, List<String> selects,
                   boolean isStackRule, boolean needsEveryResource, BiFunction<PolicyResource, RuleContext, List<Finding>> resourceCheck,
                   BiFunction<StackView, RuleContext, List<Finding>> stackCheck) implements Rule {
        @Override
        public List<Finding> check(PolicyResource resource, RuleContext context) {
            return resourceCheck == null ? List.of() : resourceCheck.apply(resource, context);
        }

        @Override
        public List<Finding> checkStack(StackView stack, RuleContext context) {
            return stackCheck == null ? List.of() : stackCheck.apply(stack, context);
        }
    }

    public static Rule resource(String name, EnforcementLevel level, String description, String why, String fix, Map<String, Object> defaults, List<String> selects,
                                BiFunction<PolicyResource, RuleContext, List<Rule.Finding>> check) {
        return new Defined(name, level, description, why, fix, defaults, selects, false, false, check, null);
    }

    public static Rule stack(String name, EnforcementLevel level, String description, String why, String fix, Map<String, Object> defaults, List<String> selects,
                             BiFunction<StackView, RuleContext, List<Rule.Finding>> check) {
        return new Defined(name, level, description, why, fix, defaults, selects, true, true, null, check);
    }

    /** A stack rule that reads only the topology (stack config), so it holds on any preview. */
    public static Rule topologyStack(String name, EnforcementLevel level, String description, String why, String fix, Map<String, Object> defaults, List<String> selects,
                                     BiFunction<StackView, RuleContext, List<Rule.Finding>> check) {
        return new Defined(name, level, description, why, fix, defaults, selects, true, false, null, check);
    }

    /** One stack-wide finding (no URN) per message, each with the same fix. */
    public static List<Rule.Finding> stackWide(List<String> messages, String fix) {
        return messages.stream().map(message -> new Rule.Finding("", message, fix)).toList();
    }

    /** One finding, or none when the condition holds. */
    public static List<Rule.Finding> unless(boolean ok, String urn, String message, String fix) {
        return ok ? List.of() : List.of(new Rule.Finding(urn, message, fix));
    }
}
