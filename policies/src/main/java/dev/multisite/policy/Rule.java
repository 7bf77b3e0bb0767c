package dev.multisite.policy;

import java.util.List;

/**
 * A policy rule. Resource rules look at one resource at a time ({@link #check(PolicyResource, RuleContext)});
 * stack rules look at everything ({@link #checkStack(StackView, RuleContext)}). A rule whose resources
 * are absent from a stack finds nothing: it does not apply there.
 */
public interface Rule {
    String name();

    String description();

    /** Why the rule matters for multi-site active-active. */
    String why();

    EnforcementLevel defaultLevel();

    /** How to fix a violation, in general terms (each finding also says it for its resource). */
    String fix();

    /** Configuration keys the rule reads, with their defaults (the policy pack's config schema). */
    default java.util.Map<String, Object> defaults() {
        return java.util.Map.of();
    }

    /** The selection pattern for "reads the topology in the stack config" rather than resources. */
    String TOPOLOGY = "topology";

    /**
     * What the rule is written for: resource type patterns from {@link ResourceTypes} (exact
     * tokens, or prefixes ending in {@code *}) and {@link #TOPOLOGY}. A resource rule is run only on
     * resources of these types; a stack rule sees only them (and the stack's structure).
     */
    List<String> selects();

    default boolean isStackRule() {
        return false;
    }

    /**
     * Whether the stack rule needs every resource of the stack. Such a rule cannot be judged on a
     * preview that hides unchanged resources ({@code pulumi preview --json} without
     * {@code --show-sames}); a rule that reads only the topology in the stack config can.
     */
    default boolean needsEveryResource() {
        return isStackRule();
    }

    default List<Finding> check(PolicyResource resource, RuleContext context) {
        return List.of();
    }

    default List<Finding> checkStack(StackView stack, RuleContext context) {
        return List.of();
    }

    /** What a rule found: the resource (or "" for the stack), the message and the fix. */
    record Finding(String urn, String message, String fix) {
    }
}
