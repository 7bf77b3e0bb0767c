package dev.multisite.fleet.parts;

/** The stack outputs of the shared part that the site parts read. */
final class SharedFacts {
    /** Base64 of the mesh CA certificate PEM. */
    static final String MESH_CA_CERT = "meshCaCertificate";
    /** Base64 of the mesh CA key PEM; a secret. */
    static final String MESH_CA_KEY = "meshCaKey";

    private SharedFacts() {
    }
}
