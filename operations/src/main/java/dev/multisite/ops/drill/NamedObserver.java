package dev.multisite.ops.drill;

import java.util.Set;

/** What every observer shares: its name and kind, stamped on each observation it takes. */
abstract class NamedObserver implements Observer {
    private final String name;
    private final Observation.Kind kind;

    NamedObserver(String name, Observation.Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Observation.Kind kind() {
        return kind;
    }

    /** A sample that saw {@code sites}. */
    final Observation seen(long atMillis, Set<String> sites, boolean ok, String detail) {
        return new Observation(atMillis, name, kind, sites, ok, detail);
    }

    /** A sample that got no usable answer: no sites, not ok. */
    final Observation failed(long atMillis, String detail) {
        return seen(atMillis, Set.of(), false, detail);
    }
}
