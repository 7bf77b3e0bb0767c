package dev.multisite.network;

import java.util.Map;

/**
 * Where {@link Interconnect} gets the two ends of its links from. In one stack it builds each
 * cloud site's network half itself ({@link SiteNetworks}); in fleet mode the ends come from the
 * site parts' stack outputs and the core network from the wan part's.
 */
public interface LinkSides {

    /** Every cloud site's end, by site name; called once, after the interconnect's key provider exists. */
    Map<String, SiteEnd> ends(Interconnect interconnect);

    /** The Cloud WAN core network; called only when the graph has Cloud WAN links, after every IPsec link. */
    WanEdge wan(Interconnect interconnect);

    /** Called after every link exists. */
    void complete();
}
