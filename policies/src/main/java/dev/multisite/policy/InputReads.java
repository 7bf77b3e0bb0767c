package dev.multisite.policy;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the rules read, for whoever asks: the rule coverage test records every input path a rule
 * reads through {@link PolicyResource#input} while the example plans are judged, and fails when a
 * path resolves on no planned resource of its type (a renamed input would otherwise switch the rule
 * off without a sound). Nobody listens in production; a read then costs one thread-local lookup.
 */
public final class InputReads {
    /**
     * One read: which rule read which input path of which resource type, and whether the path held
     * a value there. A path inside a list element is written {@code list[].field}.
     */
    public record Read(String rule, String type, String path, boolean resolved) {
    }

    private static final ThreadLocal<Consumer<Read>> LISTENER = new ThreadLocal<>();
    private static final ThreadLocal<String> RULE = new ThreadLocal<>();

    private InputReads() {
    }

    /** Runs {@code work} (rule evaluations on this thread) and hands every read to {@code listener}. */
    public static <T> T recording(Consumer<Read> listener, Supplier<T> work) {
        Consumer<Read> outer = LISTENER.get();
        LISTENER.set(listener);
        try {
            return work.get();
        } finally {
            LISTENER.set(outer);
        }
    }

    /** Marks the reads made by {@code evaluation} as the rule's. */
    static <T> T byRule(String rule, Supplier<T> evaluation) {
        if (LISTENER.get() == null) {
            return evaluation.get();
        }
        String outer = RULE.get();
        RULE.set(rule);
        try {
            return evaluation.get();
        } finally {
            RULE.set(outer);
        }
    }

    static void record(String type, String path, boolean resolved) {
        Consumer<Read> listener = LISTENER.get();
        if (listener != null && RULE.get() != null) {
            listener.accept(new Read(RULE.get(), type, path, resolved));
        }
    }
}
