package dev.multisite.network;

import java.util.Map;

/**
 * Where {@link Interconnect} gets the two ends of its links from: the cloud sites' network halves,
 * which their site parts built (in one stack the objects themselves, in fleet mode ends made from
 * the site parts' stack outputs).
 */
@FunctionalInterface
public interface LinkSides {

    /** Every cloud site's end, by site name; called once, after the interconnect's key provider exists. */
    Map<String, SiteEnd> ends(Interconnect interconnect);
}
