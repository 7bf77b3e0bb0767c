package dev.multisite.topology;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to break a valid document and the problem the parser must refuse it with: the whole
 * line, or how it starts (where the rest names details the case does not pin). A parser test lists
 * its refusals as a table and checks each as its own case, named as the test it replaces.
 *
 * @param problem breaks a valid document and returns the one problem it is refused with
 */
public record Refusal(String name, Supplier<String> problem, String expected, boolean wholeLine) {
    /** Refused with exactly this line. */
    public static Refusal exactly(String name, Supplier<String> problem, String line) {
        return new Refusal(name, problem, line, true);
    }

    /** Refused with a line that starts so. */
    public static Refusal startingWith(String name, Supplier<String> problem, String start) {
        return new Refusal(name, problem, start, false);
    }

    public void check() {
        if (wholeLine) {
            assertThat(problem.get()).isEqualTo(expected);
        } else {
            assertThat(problem.get()).startsWith(expected);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
