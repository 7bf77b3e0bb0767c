package dev.multisite.fleet.parts;

import com.pulumi.core.Output;
import dev.multisite.network.AwsEnd;
import dev.multisite.network.AzureEnd;
import dev.multisite.network.GcpEnd;
import dev.multisite.network.SiteEnd;
import dev.multisite.site.AwsSite;
import dev.multisite.site.AzureSite;
import dev.multisite.site.GcpSite;
import dev.multisite.site.Site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stack outputs of a site part that other parts read: one name per fact, used by the writer
 * ({@link #of}) and by the readers ({@link RemoteSites}, {@link RemoteEnds}), so the two cannot drift.
 */
public final class SiteFacts {
    public static final String CLUSTER_NAME = "clusterName";
    public static final String ENDPOINT = "endpoint";
    /** A secret. */
    public static final String KUBECONFIG = "kubeconfig";
    public static final String SYSTEM_NAMESPACE = "systemNamespace";
    public static final String OIDC_ISSUER = "oidcIssuerUrl";
    public static final String OIDC_PROVIDER_ARN = "oidcProviderArn";

    public static final String VPC_ID = "vpcId";
    public static final String PRIVATE_SUBNET_IDS = "privateSubnetIds";
    public static final String NODE_SECURITY_GROUP_ID = "nodeSecurityGroupId";
    public static final String NETWORK_ID = "networkId";
    public static final String NETWORK_SELF_LINK = "networkSelfLink";
    public static final String SUBSCRIPTION_ID = "subscriptionId";
    public static final String TENANT_ID = "tenantId";
    public static final String RESOURCE_GROUP_NAME = "resourceGroupName";
    public static final String VIRTUAL_NETWORK_NAME = "virtualNetworkName";
    public static final String VIRTUAL_NETWORK_ID = "virtualNetworkId";

    public static final String TRANSIT_GATEWAY_ID = "transitGatewayId";
    public static final String TRANSIT_GATEWAY_ARN = "transitGatewayArn";
    public static final String TRANSIT_GATEWAY_OWNER_ID = "transitGatewayOwnerId";
    public static final String TRANSIT_GATEWAY_ROUTE_TABLE_ID = "transitGatewayRouteTableId";
    public static final String VPN_GATEWAY_ID = "vpnGatewayId";
    public static final String VPN_ADDRESSES = "vpnAddresses";
    public static final String ROUTER_ID = "routerId";
    public static final String ROUTER_NAME = "routerName";

    private SiteFacts() {
    }

    /** What a site part exports: the site's facts and, where it has a network half, its end's. */
    public static Map<String, Output<?>> of(Site site, Optional<SiteEnd> end) {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put(CLUSTER_NAME, site.clusterName());
        out.put(ENDPOINT, site.endpoint());
        out.put(KUBECONFIG, site.kubeconfig().asSecret());
        out.put(SYSTEM_NAMESPACE, site.systemNamespace());
        site.workloadIdentity().ifPresent(wi -> {
            out.put(OIDC_ISSUER, wi.issuerUrl());
            out.put(OIDC_PROVIDER_ARN, wi.providerArn());
        });
        if (site instanceof AwsSite aws) {
            out.put(VPC_ID, aws.vpcId());
            out.put(PRIVATE_SUBNET_IDS, aws.privateSubnets());
            out.put(NODE_SECURITY_GROUP_ID, aws.nodeSecurityGroupId());
        } else if (site instanceof GcpSite gcp) {
            out.put(NETWORK_ID, gcp.networkId());
            out.put(NETWORK_SELF_LINK, gcp.networkSelfLink());
        } else if (site instanceof AzureSite azure) {
            out.put(SUBSCRIPTION_ID, azure.subscriptionId());
            out.put(TENANT_ID, azure.tenantId());
            out.put(RESOURCE_GROUP_NAME, azure.resourceGroupName());
            out.put(VIRTUAL_NETWORK_NAME, azure.virtualNetworkName());
            out.put(VIRTUAL_NETWORK_ID, azure.virtualNetworkId());
        }
        end.ifPresent(e -> putEnd(out, e));
        return out;
    }

    private static void putEnd(Map<String, Output<?>> out, SiteEnd end) {
        if (end instanceof AwsEnd aws) {
            out.put(TRANSIT_GATEWAY_ID, aws.transitGatewayId());
            out.put(TRANSIT_GATEWAY_ARN, aws.transitGatewayArn());
            out.put(TRANSIT_GATEWAY_OWNER_ID, aws.ownerId());
            out.put(TRANSIT_GATEWAY_ROUTE_TABLE_ID, aws.routeTableId());
        } else if (end instanceof GcpEnd gcp && gcp.gatewayId() != null) {
            out.put(VPN_GATEWAY_ID, gcp.gatewayId());
            out.put(VPN_ADDRESSES, gcp.interfaceAddresses());
            out.put(ROUTER_ID, gcp.routerId());
            out.put(ROUTER_NAME, gcp.routerName());
        } else if (end instanceof AzureEnd azure && azure.gatewayId() != null) {
            out.put(VPN_GATEWAY_ID, azure.gatewayId());
            out.put(VPN_ADDRESSES, Output.all(azure.publicAddresses()));
        }
    }
}
