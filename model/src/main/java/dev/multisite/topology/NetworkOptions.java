package dev.multisite.topology;

/**
 * The top-level {@code network} block: how the sites reach each other privately. (Each site's own
 * address plan and BGP ASN are {@code sites[].network}.)
 *
 * @param interconnect the routed, encrypted links between sites; absent means the defaults (enabled)
 */
public record NetworkOptions(InterconnectSettings interconnect) {
    public NetworkOptions {
        interconnect = interconnect == null ? InterconnectSettings.defaults() : interconnect;
    }

    public static NetworkOptions defaults() {
        return new NetworkOptions(null);
    }
}
