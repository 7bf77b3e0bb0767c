package dev.multisite.topology;

import java.util.HashSet;
import java.util.Set;

/**
 * A list whose items are named ({@code data.partitions}, {@code gitops.apps}): an item's config
 * path names it once it has a name, and the name must match the list's pattern and be unique in it.
 * One instance per list checked.
 */
final class NamedItems {
    private final String list;
    private final String namePattern;
    private final String duplicateHint;
    private final Set<String> seen = new HashSet<>();

    /**
     * @param list          the list's config path, e.g. {@code gitops.apps}
     * @param namePattern   the regular expression a name must match, quoted in the message as it is
     * @param duplicateHint what follows "is declared twice" in the message (empty, or {@code "; ..."})
     */
    NamedItems(String list, String namePattern, String duplicateHint) {
        this.list = list;
        this.namePattern = namePattern;
        this.duplicateHint = duplicateHint;
    }

    /** Checks item {@code index}'s name and returns the item's path: {@code list[name]}, or {@code list[index]} without a name. */
    String check(int index, String name, Problems problems) {
        String path = list + "[" + (name == null ? String.valueOf(index) : name) + "]";
        if (name == null || !name.matches(namePattern)) {
            problems.add(path + ".name", (name == null ? "required" : "'" + name + "' is not allowed") + "; use " + namePattern);
        } else if (!seen.add(name)) {
            problems.add(path + ".name", "'" + name + "' is declared twice" + duplicateHint);
        }
        return path;
    }
}
