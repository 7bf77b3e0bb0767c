package dev.multisite.stack.fleet;

import dev.multisite.parts.Part;

import java.util.Locale;

/**
 * Runs one action on one part's Pulumi stack. {@link FleetRunner} decides when; an implementation
 * decides how ({@link AutomationExecutor}: the Pulumi Automation API; tests: a fake).
 *
 * <p>The runner calls {@link #run} from several threads at once, but at most once per part and
 * never for a part whose prerequisites did not succeed.
 */
public interface PartExecutor {

    /** What a fleet command does to each part. */
    enum Action {
        /** {@code pulumi preview}, in deploy order. */
        PREVIEW,
        /** {@code pulumi up}, in deploy order. */
        UP,
        /** {@code pulumi destroy}, in reverse deploy order. */
        DESTROY;

        /** The word the progress lines and the CLI use: preview, up, destroy. */
        public String verb() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the graph is walked backwards: a part only after every part that depends on it. */
        public boolean reversed() {
            return this == DESTROY;
        }
    }

    /**
     * Runs {@code action} on {@code part}'s stack.
     *
     * @return a short summary for the progress line and the table (e.g. {@code 3 create, 2 same}); may be empty
     * @throws Exception when the part failed; the message is printed as is, so it must be one short
     *                   text that never holds a secret value
     */
    String run(Part part, Action action) throws Exception;
}
