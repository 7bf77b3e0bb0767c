package dev.multisite.fleet.parts;

/** The stack outputs of the data part that the data-endpoints part reads. */
final class DataFacts {
    /** Partition -> write host. */
    static final String WRITE_ENDPOINTS = dev.multisite.fleet.FleetOutputs.DATABASE_WRITE_ENDPOINTS;
    /** {@code <site>/<partition>} -> host of that node. */
    static final String HOSTS = "databaseHosts";
    static final String CREDENTIAL_REF = "databaseCredentialRef";
    static final String USER = "databaseUser";

    private DataFacts() {
    }
}
