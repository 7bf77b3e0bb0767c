package dev.multisite.parts;

import java.util.List;

/**
 * One part of a fleet-mode stack: its own Pulumi stack, deployed after the parts it depends on.
 *
 * @param name      {@code shared}, {@code wan}, {@code site-<site>}, {@code links}, {@code traffic}, {@code gitops} or {@code data}
 * @param kind      what the part holds
 * @param site      the site of a {@link PartKind#SITE} part, else null
 * @param dependsOn the parts whose stack outputs this part reads, in deploy order
 */
public record Part(String name, PartKind kind, String site, List<String> dependsOn) {
    public static final String SITE_PREFIX = "site-";

    public Part {
        dependsOn = List.copyOf(dependsOn);
    }

    /** The part that holds one site. */
    public static String siteName(String site) {
        return SITE_PREFIX + site;
    }

    /**
     * The Pulumi stack of this part: {@code <fleet stack>-<part>}, e.g. {@code prod-site-aws-use1}
     * (stack names take letters, digits, hyphens, underscores and periods).
     */
    public String stackName(String fleetStack) {
        return stackName(fleetStack, name);
    }

    public static String stackName(String fleetStack, String part) {
        return fleetStack + "-" + part;
    }
}
