package dev.multisite.catalog;

/**
 * The resource type tokens the rules are written for, in one place. Each is the token the provider
 * SDK registers (a stack test compares them with the SDK classes' {@code @ResourceType}), and each
 * rule selects its resources by these, so a provider upgrade that renames a type fails a test
 * instead of switching a rule off in silence.
 */
public final class ResourceTypes {
    private ResourceTypes() {
    }

    public static final String ROOT_STACK = "pulumi:pulumi:Stack";
    public static final String PROVIDERS = "pulumi:providers:*";
    public static final String KUBERNETES_PROVIDER = "pulumi:providers:kubernetes";
    public static final String SITES = "multisite:site:*";
    public static final String KUBERNETES = "kubernetes:*";

    public static final String EKS_CLUSTER = "aws:eks/cluster:Cluster";
    public static final String EKS_NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    public static final String GKE_CLUSTER = "gcp:container/cluster:Cluster";
    public static final String GKE_NODE_POOL = "gcp:container/nodePool:NodePool";
    public static final String AKS_CLUSTER = "azure-native:containerservice:ManagedCluster";

    public static final String ROUTE53_HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
    public static final String ROUTE53_RECORD = "aws:route53/record:Record";
    public static final String CLOUDFLARE_POOL = "cloudflare:index/loadBalancerPool:LoadBalancerPool";
    /** A Compute Engine health check: what watches a site's external endpoint for a Cloud DNS routing policy. */
    public static final String GCP_HEALTH_CHECK = "gcp:compute/healthCheck:HealthCheck";
    public static final String GCP_DNS_RECORD_SET = "gcp:dns/recordSet:RecordSet";
    public static final String HELM_RELEASE = "kubernetes:helm.sh/v3:Release";
    public static final String APPLICATION_SET = "kubernetes:argoproj.io/v1alpha1:ApplicationSet";
    /** A Multi-Cluster Services export (the version the pinned Cilium serves: bindings.McsServiceExport). */
    public static final String SERVICE_EXPORT = "kubernetes:multicluster.x-k8s.io/v1alpha1:ServiceExport";
    public static final String KUBERNETES_NAMESPACE = "kubernetes:core/v1:Namespace";
    public static final String KUBERNETES_JOB = "kubernetes:batch/v1:Job";

    public static final String RDS_INSTANCE = "aws:rds/instance:Instance";
    public static final String CLOUD_SQL_INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";
    public static final String FLEXIBLE_SERVER = "azure-native:dbforpostgresql:Server";

    public static final String GCP_SUBNETWORK = "gcp:compute/subnetwork:Subnetwork";
    public static final String AWS_SG_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public static final String AWS_SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    public static final String GCP_FIREWALL = "gcp:compute/firewall:Firewall";
    public static final String AZURE_SECURITY_RULE = "azure-native:network:SecurityRule";
    public static final String TRANSIT_GATEWAY = "aws:ec2transitgateway/transitGateway:TransitGateway";
    public static final String GCP_ROUTER = "gcp:compute/router:Router";
    public static final String AZURE_VPN_GATEWAY = "azure-native:network:VirtualNetworkGateway";

    /** The site component type of each provider (the components' {@code TYPE}s; a test compares them). */
    public static String siteType(dev.multisite.topology.CloudProvider provider) {
        return switch (provider) {
            case AWS -> "multisite:site:EksSite";
            case GCP -> "multisite:site:GkeSite";
            case AZURE -> "multisite:site:AksSite";
            case EXISTING -> "multisite:site:ExistingSite";
        };
    }

    /** The resource each DNS backend watches a site with: a health check, a load balancer pool. */
    public static String siteMonitorType(dev.multisite.topology.DnsBackend.Kind kind) {
        return switch (kind) {
            case ROUTE53 -> ROUTE53_HEALTH_CHECK;
            case CLOUDFLARE -> CLOUDFLARE_POOL;
            case CLOUDDNS -> GCP_HEALTH_CHECK;
        };
    }

    /** The provider whose sites have this component type, if any. */
    public static java.util.Optional<dev.multisite.topology.CloudProvider> providerOfSiteType(String type) {
        return java.util.Arrays.stream(dev.multisite.topology.CloudProvider.values()).filter(p -> siteType(p).equals(type)).findFirst();
    }

    /**
     * The site a resource belongs to: the name of its nearest {@code multisite:site:*} ancestor
     * (itself included), walking parents with {@code parentOf}; empty for stack-wide resources.
     * One walk for the policies (over preview resources) and the plan summary (over planned ones).
     */
    public static <R> java.util.Optional<String> siteOf(R resource, java.util.function.Function<R, String> type,
                                                        java.util.function.Function<R, String> name, java.util.function.UnaryOperator<R> parentOf) {
        for (R r = resource; r != null; r = parentOf.apply(r)) {
            if (matches(SITES, type.apply(r))) {
                return java.util.Optional.of(name.apply(r));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a type token matches a selection pattern: an exact token, or a prefix ending in {@code *}. */
    public static boolean matches(String pattern, String type) {
        return pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }
}
