package dev.multisite.ops.netlab;

import java.util.List;

/**
 * One answer a resolver gave a client.
 *
 * @param atMillis lab clock
 * @param sites    the sites the answer pointed at
 * @param ttl      the TTL the resolver handed out (the longest of the answer's records; -1 without an answer)
 * @param ok       an answer came back (NOERROR)
 */
public record ResolverSample(long atMillis, ResolverFlavour flavour, List<String> sites, long ttl, boolean ok, String detail) {
}
