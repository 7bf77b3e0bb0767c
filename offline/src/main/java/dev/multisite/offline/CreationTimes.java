package dev.multisite.offline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a resource typically takes to create, in seconds, by type token: the weights of
 * {@link CriticalPath}. Components and provider resources take no time; a custom resource whose
 * type is not listed takes {@link #defaultSeconds()}.
 *
 * <p>Where a provider's or the cloud's documentation says how long creation takes, the figure
 * cites it; every other figure is marked "estimate". The figures are for a first {@code pulumi up}
 * (create, not update) and include the provider's own wait for the resource to become ready.
 */
public final class CreationTimes {
    /** Seconds for a custom resource whose type is not listed: an API call or two. */
    public static final long DEFAULT_SECONDS = 10;

    /**
     * Pseudo type token for an RDS instance created as a read replica (inputs carry
     * {@code replicateSourceDb}): RDS snapshots the source and restores it, unlike a primary.
     */
    public static final String RDS_READ_REPLICA = "aws:rds/instance:Instance#readReplica";

    private static final String RDS_INSTANCE = "aws:rds/instance:Instance";
    private static final long MINUTE = 60;

    private final Map<String, Long> byType;
    private final long defaultSeconds;

    private CreationTimes(Map<String, Long> byType, long defaultSeconds) {
        if (defaultSeconds < 0 || byType.values().stream().anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException("creation times cannot be negative");
        }
        this.byType = Map.copyOf(byType);
        this.defaultSeconds = defaultSeconds;
    }

    /** Given figures by type token (and optionally {@link #RDS_READ_REPLICA}), and a default for the rest. */
    public static CreationTimes of(Map<String, Long> byType, long defaultSeconds) {
        return new CreationTimes(byType, defaultSeconds);
    }

    /** The typical figures for the types this project's stacks create. */
    public static CreationTimes typical() {
        Map<String, Long> t = new LinkedHashMap<>();

        // --- The slow ones: these make the critical path. ---------------------------------------
        // "A VPN gateway can take up to 45 minutes to create":
        // https://docs.microsoft.com/en-us/azure/vpn-gateway/vpn-gateway-about-vpngateways
        t.put("azure-native:network:VirtualNetworkGateway", 45 * MINUTE);
        // "it will take up to 10 minutes to provision the EKS cluster":
        // https://www.pulumi.com/dev/examples/aws-java-eks-minimal/ (AWS once put the average at
        // 15 minutes: https://github.com/aws/containers-roadmap/issues/1227)
        t.put("aws:eks/cluster:Cluster", 10 * MINUTE);
        // Managed node group "Creation is asynchronous (CREATING -> ACTIVE, ~2-5 min)":
        // https://alchemy.run/providers/aws/eks/nodegroup (upper end taken)
        t.put("aws:eks/nodeGroup:NodeGroup", 5 * MINUTE);
        // Measured average GKE create time 3 min 50 s (a 2018-19 comparison; regional clusters and
        // newer versions may take longer):
        // https://kubedex.com/is-azure-kubernetes-aks-any-less-terrible/
        t.put("gcp:container/cluster:Cluster", 4 * MINUTE);
        // "After 3-4 minutes, your cluster will be ready": https://www.pulumi.com/dev/examples/azure-cs-aks/
        // (the kubedex comparison above measured AKS at 18 min on average in 2018; 4 min taken as today's figure)
        t.put("azure-native:containerservice:ManagedCluster", 4 * MINUTE);
        // estimate: no documented creation time found; a single-AZ PostgreSQL instance typically
        // reports "available" 8-12 min after the create call.
        t.put(RDS_INSTANCE, 10 * MINUTE);
        // estimate: a replica is a snapshot of the source, a restore and the start of replication
        // ("Amazon RDS takes a DB snapshot of your source DB instance and begins replication":
        // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Create.html), so
        // longer than a primary; the duration itself is an estimate.
        t.put(RDS_READ_REPLICA, 15 * MINUTE);
        // "The creation of the database takes about ten minutes" (Cloud SQL via Config Connector):
        // https://docs.nais.io/persistence/cloudsql/explanations/cloud-sql-credentials
        t.put("gcp:sql/databaseInstance:DatabaseInstance", 10 * MINUTE);
        // estimate: flexible server create, no documented figure found.
        t.put("azure-native:dbforpostgresql:Server", 10 * MINUTE);
        t.put("azure-native:dbforpostgresql:Administrator", MINUTE); // estimate
        // estimate: the CLI's vpn-connection-available waiter bounds it at 40 polls x 15 s = 10 min
        // (https://docs.aws.amazon.com/cli/latest/reference/ec2/wait/vpn-connection-available.html);
        // typical creation is about half that.
        t.put("aws:ec2/vpnConnection:VpnConnection", 5 * MINUTE);
        t.put("aws:ec2transitgateway/transitGateway:TransitGateway", 3 * MINUTE); // estimate
        t.put("aws:ec2transitgateway/vpcAttachment:VpcAttachment", 2 * MINUTE); // estimate
        t.put("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", 3 * MINUTE); // estimate
        t.put("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter", 2 * MINUTE); // estimate
        t.put("aws:ec2transitgateway/policyTable:PolicyTable", MINUTE); // estimate
        t.put("aws:ec2transitgateway/policyTableAssociation:PolicyTableAssociation", MINUTE); // estimate
        t.put("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation", 30L); // estimate
        // Cloud WAN: estimates. The policy attachment "executes the change set, which deploys changes
        // globally" (https://www.pulumi.com/docs/reference/pkg/aws/networkmanager/corenetworkpolicyattachment/),
        // the slow step; no documented duration was found for any of these.
        t.put("aws:networkmanager/globalNetwork:GlobalNetwork", 30L); // estimate
        t.put("aws:networkmanager/coreNetwork:CoreNetwork", 10 * MINUTE); // estimate
        t.put("aws:networkmanager/coreNetworkPolicyAttachment:CoreNetworkPolicyAttachment", 20 * MINUTE); // estimate
        t.put("aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment", 10 * MINUTE); // estimate
        t.put("aws:networkmanager/transitGatewayPeering:TransitGatewayPeering", 10 * MINUTE); // estimate
        // GCP HA VPN and Cloud Router: estimates (no documented creation time found).
        t.put("gcp:compute/haVpnGateway:HaVpnGateway", MINUTE); // estimate
        t.put("gcp:compute/vPNTunnel:VPNTunnel", MINUTE); // estimate
        t.put("gcp:compute/externalVpnGateway:ExternalVpnGateway", 20L); // estimate
        t.put("gcp:compute/router:Router", 30L); // estimate
        t.put("gcp:compute/routerInterface:RouterInterface", 20L); // estimate
        t.put("gcp:compute/routerPeer:RouterPeer", 30L); // estimate
        t.put("gcp:compute/routerNat:RouterNat", 30L); // estimate
        t.put("gcp:container/nodePool:NodePool", 4 * MINUTE); // estimate
        t.put("gcp:servicenetworking/connection:Connection", MINUTE); // estimate
        t.put("azure-native:network:VirtualNetworkGatewayConnection", 2 * MINUTE); // estimate
        t.put("azure-native:network:LocalNetworkGateway", 30L); // estimate
        t.put("azure-native:network:PublicIPAddress", 15L); // estimate
        t.put("aws:ec2/natGateway:NatGateway", 2 * MINUTE); // estimate
        t.put("aws:eks/addon:Addon", MINUTE); // estimate
        // estimate: the Release waits for its workloads to become ready (the provider's default
        // timeout, 300 s, is only the bound).
        t.put("kubernetes:helm.sh/v3:Release", 2 * MINUTE);
        t.put("kubernetes:apps/v1:Deployment", 30L); // estimate: waits for rollout

        // --- Near-instant API objects: estimates. ------------------------------------------------
        t.put("kubernetes:core/v1:Namespace", 2L);
        t.put("kubernetes:core/v1:Secret", 2L);
        t.put("kubernetes:core/v1:ConfigMap", 2L);
        t.put("kubernetes:core/v1:ServiceAccount", 2L);
        t.put("kubernetes:core/v1:Service", 5L);
        t.put("kubernetes:networking.k8s.io/v1:Ingress", 5L);
        t.put("kubernetes:argoproj.io/v1alpha1:ApplicationSet", 2L);
        t.put("random:index/randomPassword:RandomPassword", 0L);
        t.put("tls:index/privateKey:PrivateKey", 0L);
        t.put("tls:index/selfSignedCert:SelfSignedCert", 0L);
        return new CreationTimes(t, DEFAULT_SECONDS);
    }

    /**
     * The resource's creation time: 0 for components and provider resources, the read-replica
     * figure for an RDS instance created from {@code replicateSourceDb} when one is given, else
     * the figure for its type, else the default.
     */
    public long seconds(PlannedResource resource) {
        if (!resource.custom() || resource.isProvider()) {
            return 0;
        }
        if (RDS_INSTANCE.equals(resource.type()) && isReadReplica(resource.inputs()) && byType.containsKey(RDS_READ_REPLICA)) {
            return byType.get(RDS_READ_REPLICA);
        }
        return seconds(resource.type());
    }

    /** The figure for a custom resource type token, or the default when it is not listed. */
    public long seconds(String type) {
        return byType.getOrDefault(type, defaultSeconds);
    }

    /** Whether the type token has its own figure. */
    public boolean lists(String type) {
        return byType.containsKey(type);
    }

    public long defaultSeconds() {
        return defaultSeconds;
    }

    private static boolean isReadReplica(JsonNode inputs) {
        if (inputs == null) {
            return false;
        }
        JsonNode source = inputs.get("replicateSourceDb");
        return source != null && !source.isNull() && !source.asText("").isEmpty();
    }
}
