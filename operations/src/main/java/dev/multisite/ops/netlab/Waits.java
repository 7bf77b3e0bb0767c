package dev.multisite.ops.netlab;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits: every loop in the lab ends by itself. */
final class Waits {
    private Waits() {
    }

    static void until(String what, Duration limit, BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException(what + ": not ready within " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(what + ": interrupted");
            }
        }
    }
}
