package dev.multisite.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Map;

/**
 * Violations grouped by level, as text for people or JSON for machines, and the stack rules that
 * could not be judged because the preview hides unchanged resources.
 */
public record Report(List<Violation> violations, List<String> notJudged, String notJudgedBecause) {
    public Report(List<Violation> violations) {
        this(violations, List.of(), "");
    }

    /** The rules evaluated on a stack view with the given settings. */
    public static Report of(StackView stack, PolicyConfig config) {
        return new Report(PolicyPack.evaluate(stack, config), PolicyPack.notJudged(stack, config), stack.whyIncomplete());
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public long count(EnforcementLevel level) {
        return violations.stream().filter(v -> v.level() == level).count();
    }

    public boolean blocksDeploy() {
        return count(EnforcementLevel.MANDATORY) > 0;
    }

    public String text() {
        var out = new StringBuilder();
        out.append("policy pack ").append(PolicyPack.NAME).append(" (").append(PolicyPack.RULES.size()).append(" rules): ")
                .append(count(EnforcementLevel.MANDATORY)).append(" mandatory, ")
                .append(count(EnforcementLevel.ADVISORY)).append(" advisory violation(s)\n");
        for (EnforcementLevel level : List.of(EnforcementLevel.MANDATORY, EnforcementLevel.ADVISORY)) {
            violations.stream().filter(v -> v.level() == level).forEach(v -> out.append("  [").append(level.key()).append("] ")
                    .append(v.rule()).append(": ").append(v.message()).append(v.urn().isEmpty() ? "" : "\n      at " + v.urn())
                    .append("\n      fix: ").append(v.fix()).append('\n'));
        }
        if (!notJudged.isEmpty()) {
            out.append("  not judged (").append(notJudgedBecause).append("): ")
                    .append(String.join(", ", notJudged)).append('\n');
        }
        return out.toString();
    }

    public String json() {
        try {
            return JSON.writeValueAsString(Map.of("policyPack", PolicyPack.NAME, "mandatory", count(EnforcementLevel.MANDATORY),
                    "advisory", count(EnforcementLevel.ADVISORY), "violations", violations, "notJudged", notJudged, "notJudgedBecause", notJudgedBecause));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
