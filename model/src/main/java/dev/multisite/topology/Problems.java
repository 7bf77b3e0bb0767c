package dev.multisite.topology;

import java.util.ArrayList;
import java.util.List;

/** Collects invariant violations so that one run reports all of them, in declaration order. */
public final class Problems {
    private final List<String> lines = new ArrayList<>();

    public void add(String path, String message) {
        lines.add(path + ": " + message);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Throws a {@link TopologyException} listing every problem, if there are any. */
    public void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new TopologyException(lines);
        }
    }

    /** The config path of a site's field, naming the site when it has a name: {@code sites[eu-1].region}. */
    public static String sitePath(SiteSpec site, int index, String field) {
        String id = site.name() == null || site.name().isBlank() ? String.valueOf(index) : site.name();
        return "sites[" + id + "]" + (field.isEmpty() ? "" : "." + field);
    }
}
