package dev.multisite.stack.fleet;

import java.time.Duration;
import java.util.Locale;

/**
 * What happened to one part in a fleet run.
 *
 * @param part     the part name
 * @param status   succeeded, failed, skipped or not selected
 * @param duration how long its action ran; {@link Duration#ZERO} when it never ran
 * @param detail   the executor's summary, the failure, or why it was skipped; may be empty
 */
public record PartOutcome(String part, Status status, Duration duration, String detail) {

    public enum Status {
        SUCCEEDED,
        FAILED,
        /** Never ran: a part it waits for failed or was skipped. */
        SKIPPED,
        /** Never ran: left out by {@code --only}. */
        NOT_SELECTED;

        /** As the table prints it: {@code not selected}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public PartOutcome {
        detail = detail == null ? "" : detail;
    }

    /** Whether the action ran on this part (so {@link #duration} means something). */
    public boolean ran() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }

    /** {@code 3.2 s}, or {@code -} for a part that never ran. */
    public String durationText() {
        return ran() ? seconds(duration) : "-";
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }
}
