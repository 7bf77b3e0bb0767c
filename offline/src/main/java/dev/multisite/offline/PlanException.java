package dev.multisite.offline;

import java.util.List;

/** The program failed under the mock engine; each line is one error it reported. */
public final class PlanException extends RuntimeException {
    private final List<String> failures;

    PlanException(List<String> failures) {
        super(String.join("\n", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
