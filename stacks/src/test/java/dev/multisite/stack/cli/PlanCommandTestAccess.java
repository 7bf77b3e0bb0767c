package dev.multisite.stack.cli;

/** Lets tests in other packages run the CLI and get its exit code. */
public final class PlanCommandTestAccess {
    private PlanCommandTestAccess() {
    }

    public static int run(String... args) {
        return PlanCommandTest.run(args).code();
    }
}
