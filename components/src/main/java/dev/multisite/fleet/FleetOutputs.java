package dev.multisite.fleet;

/**
 * The names of the fleet's outputs: the stack outputs of one stack, and the same outputs exported
 * by the parts of a fleet-mode stack that build what they describe (and read by other parts). One
 * list, so the two modes cannot name an output differently.
 */
public final class FleetOutputs {
    public static final String SITE_NAMES = "siteNames";
    public static final String CLUSTER_NAMES = "clusterNames";
    public static final String CLUSTER_ENDPOINTS = "clusterEndpoints";
    public static final String KUBECONFIGS = "kubeconfigs";
    public static final String INTERCONNECT = "interconnect";
    public static final String ON_PREM_VPN = "onPremVpn";
    public static final String GLOBAL_HOSTNAME = "globalHostname";
    public static final String FAILOVER_BUDGET_SECONDS = "failoverBudgetSeconds";
    public static final String DRAIN_SWITCHES = "drainSwitches";
    public static final String HEALTH_CHECKS = "healthChecks";
    public static final String CLOUDFLARE_POOLS = "cloudflarePools";
    public static final String CLOUDFLARE_ACCOUNT_ID = "cloudflareAccountId";
    public static final String MESH_APISERVER_ADDRESSES = "meshApiserverAddresses";
    public static final String DATABASE_PRIMARIES = "databasePrimaries";
    public static final String DATABASE_WRITE_ENDPOINTS = "databaseWriteEndpoints";
    public static final String DATABASE_REPLICAS = "databaseReplicas";
    public static final String DATABASE_INSTANCES = "databaseInstances";

    private FleetOutputs() {
    }
}
