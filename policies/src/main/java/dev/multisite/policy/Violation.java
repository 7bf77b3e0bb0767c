package dev.multisite.policy;

/**
 * One failed rule.
 *
 * @param rule    rule name
 * @param level   its enforcement level
 * @param urn     the resource it is about (empty for stack-wide findings)
 * @param message what is wrong, with the offending value
 * @param fix     how to fix it
 */
public record Violation(String rule, EnforcementLevel level, String urn, String message, String fix) {
}
