package dev.multisite.network;

import java.util.Map;
import java.util.Optional;

/**
 * Where {@link Interconnect} gets the two ends of its links from. In one stack it builds each
 * cloud site's network half itself ({@link SiteNetworks}); in fleet mode the ends come from the
 * site parts' stack outputs and the core network from the wan part's.
 */
public interface LinkSides {

    /** Every cloud site's end, by site name; called once, after the interconnect's key provider exists. */
    Map<String, SiteEnd> ends(Interconnect interconnect);

    /**
     * The Cloud WAN core network the AWS sites attach to here; called only when the graph has Cloud
     * WAN links, after every IPsec link. Empty where the attachments are made elsewhere (fleet mode:
     * the wan-attachments part).
     */
    Optional<WanEdge> wan(Interconnect interconnect);

    /** Called after every link exists. */
    void complete();
}
