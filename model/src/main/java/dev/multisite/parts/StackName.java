package dev.multisite.parts;

import dev.multisite.topology.TopologyLimits;

import java.util.regex.Pattern;

/**
 * Pulumi's rule for a stack name, for the names fleet mode builds and reads ({@code multisite:fleetStack},
 * {@code <fleet stack>-<part>}): 1 to 100 letters, digits, '-', '_' or '.', no '/'. The Pulumi CLI
 * checks the same ({@code validateStackName} in pulumi/pulumi's backends: {@code ^[A-Za-z0-9_.-]{1,100}$}),
 * so a name refused here would be refused by {@code pulumi stack init}, only later. Qualified names
 * ({@code org/project/stack}) are not accepted: a part's stack name is built by appending to it.
 */
public final class StackName {
    public static final int MAX_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

    private StackName() {
    }

    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The problem with {@code name} as {@code field}, or null when it is a valid stack name.
     */
    public static String problem(String field, String name) {
        if (valid(name)) {
            return null;
        }
        return field + ": '" + TopologyLimits.quote(name) + "' is not a stack name; use 1 to " + MAX_LENGTH
                + " letters, digits, '-', '_' or '.', e.g. prod";
    }
}
