package dev.multisite.ops.netlab;

import java.io.IOException;

/** The lab's child JVMs read their stdin until the lab closes it or dies: then they exit, never outliving the lab. */
final class ExitWithParent {
    private ExitWithParent() {
    }

    static void await() {
        try {
            while (System.in.read() >= 0) {
                // Nothing is sent; only the end of the stream matters.
            }
        } catch (IOException closed) {
            // Same as end of stream.
        }
    }
}
