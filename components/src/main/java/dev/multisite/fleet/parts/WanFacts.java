package dev.multisite.fleet.parts;

/** The stack outputs of the wan part that the links part reads. */
final class WanFacts {
    static final String CORE_NETWORK_ID = "coreNetworkId";

    private WanFacts() {
    }
}
