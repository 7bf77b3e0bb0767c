package dev.multisite.ops.netlab;

/** Something the lab did or saw, at milliseconds since the lab started. */
public record LabEvent(long atMillis, String what) {
}
