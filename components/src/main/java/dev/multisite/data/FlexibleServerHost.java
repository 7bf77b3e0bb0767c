package dev.multisite.data;

import com.pulumi.azurenative.dbforpostgresql.Administrator;
import com.pulumi.azurenative.dbforpostgresql.AdministratorArgs;
import com.pulumi.azurenative.dbforpostgresql.Server;
import com.pulumi.azurenative.dbforpostgresql.ServerArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.AuthConfigArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.BackupArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.HighAvailabilityArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.NetworkArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.SkuArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.StorageArgs;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredential;
import com.pulumi.azurenative.managedidentity.FederatedIdentityCredentialArgs;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.azurenative.network.PrivateZone;
import com.pulumi.azurenative.network.PrivateZoneArgs;
import com.pulumi.azurenative.network.inputs.InboundEndpointIPConfigurationArgs;
import com.pulumi.azurenative.network.DnsResolver;
import com.pulumi.azurenative.network.DnsResolverArgs;
import com.pulumi.azurenative.network.InboundEndpoint;
import com.pulumi.azurenative.network.InboundEndpointArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetworkLink;
import com.pulumi.azurenative.network.VirtualNetworkLinkArgs;
import com.pulumi.azurenative.network.inputs.DelegationArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.AzureSite;
import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.site.WorkloadIdentity;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.PrivateDnsForwarding;
import dev.multisite.topology.DatabaseCommands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Azure Database for PostgreSQL Flexible Server: zone-redundant HA, geo-redundant backups, Entra
 * ID authentication only (no password exists), private access, and an Entra administrator that
 * the Azure sites' workloads use through workload identity. Replicas are Flexible Server read
 * replicas ({@code createMode: Replica}) of an Azure primary.
 *
 * <p>Private access follows Microsoft Learn, "Networking overview for Azure Database for PostgreSQL
 * flexible server with private access (VNet integration)": per site one subnet delegated to
 * {@code Microsoft.DBforPostgreSQL/flexibleServers} (carved from the site's VNet by
 * {@link AzureSite#databaseSubnetRange()}, shared by the site's servers), and per server a private
 * DNS zone {@code <name>.private.postgres.database.azure.com} linked to the server's VNet before the
 * server is created, and to the VNet of every other Azure site that reads it (every Azure site
 * writes to a primary; a replica is read by its own site only).
 *
 * <p>The administrator follows "Use Microsoft Entra ID for authentication with Azure Database for
 * PostgreSQL flexible server" (azure-native {@code dbforpostgresql.Administrator}: objectId,
 * principalName, principalType {@code ServicePrincipal}, tenantId): a user-assigned managed
 * identity per primary, federated with every Azure site's OIDC issuer for the Kubernetes service
 * account {@code multisite-system/<server>} (Microsoft Entra Workload ID), which each Azure site gets
 * annotated with the identity's client id. Read replicas take their administrators from the primary.
 */
final class FlexibleServerHost implements DatabaseHost {
    /** The delegation Flexible Server requires on its subnet. */
    static final String DELEGATION = "Microsoft.DBforPostgreSQL/flexibleServers";
    static final String PRIVATE_ZONE_SUFFIX = ".private.postgres.database.azure.com";
    /** The audience Entra ID expects in a federated token (Workload ID). */
    static final String TOKEN_AUDIENCE = "api://AzureADTokenExchange";

    private final List<AzureSite> azureSites;
    private final Map<String, Subnet> subnets = new HashMap<>();

    /** @param azureSites every Azure site of the stack: the readers of an Azure primary */
    /** The Azure sites that get a DNS Private Resolver inbound endpoint ({@link PrivateDnsForwarding#resolverSites}). */
    private final java.util.Set<String> resolverSites;
    private final java.util.Set<String> resolversBuilt = new java.util.HashSet<>();

    FlexibleServerHost(List<AzureSite> azureSites, java.util.Set<String> resolverSites) {
        this.azureSites = List.copyOf(azureSites);
        this.resolverSites = java.util.Set.copyOf(resolverSites);
    }

    @Override
    public DatabaseNode primary(String name, Site site, String partition, DataSettings data, boolean retired, Resource parent) {
        var aks = site.azureSite().orElseThrow(Sites.notA(site, CloudProvider.AZURE));
        if (resolverSites.contains(site.name()) && resolversBuilt.add(site.name())) {
            inboundEndpoint(aks, parent);
        }
        var zone = privateZone(name, aks, azureSites, parent);
        var server = new Server(name, base(aks, data, partition, retired ? "retired-primary" : "primary", zone, parent)
                .createMode("Default")
                .highAvailability(HighAvailabilityArgs.builder().mode("ZoneRedundant").build())
                .backup(BackupArgs.builder().backupRetentionDays(data.backupRetentionDays()).geoRedundantBackup("Enabled").build())
                .authConfig(AuthConfigArgs.builder().activeDirectoryAuth("Enabled")
                        .passwordAuth("Disabled")
                        .tenantId(aks.tenantId()).build())
                .build(), options(aks, parent).protect(true).dependsOn(zone.ownLink()).build());
        var identity = new UserAssignedIdentity(name + "-admin", UserAssignedIdentityArgs.builder()
                .resourceName(name + "-admin")
                .resourceGroupName(aks.resourceGroupName())
                .location(aks.region())
                .build(), options(aks, parent).build());
        new Administrator(name + "-entra-admin", AdministratorArgs.builder()
                .resourceGroupName(aks.resourceGroupName())
                .serverName(server.name())
                .objectId(identity.principalId())
                .principalName(identity.name())
                .principalType("ServicePrincipal")
                .tenantId(identity.tenantId())
                .build(), options(aks, parent).build());
        FederatedIdentityCredential previous = null;
        for (AzureSite reader : azureSites) {
            WorkloadIdentity wi = reader.workloadIdentity().orElseThrow();
            var opts = options(aks, parent);
            if (previous != null) {
                // Entra ID rejects concurrent writes of federated credentials on one identity.
                opts.dependsOn(previous);
            }
            previous = new FederatedIdentityCredential(name + "-federation-" + reader.name(), FederatedIdentityCredentialArgs.builder()
                    .resourceGroupName(aks.resourceGroupName())
                    .resourceName(identity.name())
                    .federatedIdentityCredentialResourceName(reader.name())
                    // The token's iss exactly (AKS's keeps its trailing /), not IAM's normalised form.
                    .issuer(wi.issuerUrl())
                    .subject("system:serviceaccount:" + Site.SYSTEM_NAMESPACE + ":" + name)
                    .audiences(TOKEN_AUDIENCE)
                    .build(), opts.build());
            new ServiceAccount(name + "-sa-" + reader.name(), ServiceAccountArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(name).namespace(reader.systemNamespace())
                            .annotations(identity.clientId().applyValue(id -> Map.of("azure.workload.identity/client-id", id)))
                            .labels(Map.of("multisite/site", reader.name()))
                            .build())
                    .build(), CustomResourceOptions.builder().parent(parent).provider(reader.kubernetesProvider()).build());
        }
        // The Entra administrator's role in PostgreSQL is named after its principalName.
        return node(aks, partition, retired ? DatabaseNode.Role.RETIRED_PRIMARY : DatabaseNode.Role.PRIMARY, server,
                Output.of("entra-workload-identity:" + Site.SYSTEM_NAMESPACE + "/" + name), identity.name());
    }

    @Override
    public DatabaseNode replica(String name, Site site, String partition, DataSettings data, DatabaseNode source, Resource parent) {
        var aks = site.azureSite().orElseThrow(Sites.notA(site, CloudProvider.AZURE));
        var zone = privateZone(name, aks, List.of(aks), parent);
        var server = new Server(name, base(aks, data, partition, "replica", zone, parent)
                .createMode("Replica")
                .sourceServerResourceId(((Server) source.resource()).id())
                .build(), options(aks, parent).dependsOn(zone.ownLink()).build());
        return node(aks, partition, DatabaseNode.Role.REPLICA, server, source.credentialRef(), source.user());
    }

    /** A server's private DNS zone and its links: the server's own VNet first, then every other reader's. */
    private record Zone(PrivateZone zone, VirtualNetworkLink ownLink) {
    }

    private static Zone privateZone(String name, AzureSite site, List<AzureSite> readers, Resource parent) {
        var zone = new PrivateZone(name + "-dns", PrivateZoneArgs.builder()
                .privateZoneName(name + PRIVATE_ZONE_SUFFIX)
                .resourceGroupName(site.resourceGroupName())
                .location("global")
                .build(), options(site, parent).build());
        VirtualNetworkLink own = link(name, zone, site, site, parent);
        for (AzureSite reader : readers) {
            if (!reader.name().equals(site.name())) {
                link(name, zone, site, reader, parent);
            }
        }
        return new Zone(zone, own);
    }

    private static VirtualNetworkLink link(String name, PrivateZone zone, AzureSite owner, AzureSite reader, Resource parent) {
        return new VirtualNetworkLink(name + "-dns-link-" + reader.name(), VirtualNetworkLinkArgs.builder()
                .privateZoneName(zone.name())
                .resourceGroupName(owner.resourceGroupName())
                .virtualNetworkLinkName(reader.name())
                .virtualNetwork(SubResourceArgs.builder().id(reader.virtualNetworkId()).build())
                .registrationEnabled(false)
                .location("global")
                .build(), options(owner, parent).build());
    }

    /**
     * An Azure DNS Private Resolver with one inbound endpoint at the address the model fixes
     * ({@link PrivateDnsForwarding#inboundAddress}), in a subnet delegated to
     * {@code Microsoft.Network/dnsResolvers}: the sites outside Azure forward
     * {@code postgres.database.azure.com} to it, and it answers from the private zones linked to
     * this VNet (every primary's). Microsoft Learn, "Azure DNS Private Resolver endpoints and
     * rulesets" (inbound endpoint; subnet /28 to /24, delegated, used by nothing else) and
     * azure-native {@code network.DnsResolver} / {@code network.InboundEndpoint}.
     */
    private void inboundEndpoint(AzureSite site, Resource parent) {
        var subnet = new Subnet(site.name() + "-dns-inbound-subnet", SubnetArgs.builder()
                .resourceGroupName(site.resourceGroupName())
                .virtualNetworkName(site.virtualNetworkName())
                .subnetName("multisite-dns-inbound")
                .addressPrefix(PrivateDnsForwarding.inboundSubnet(site.spec()).toString())
                .delegations(DelegationArgs.builder().name("dnsResolvers").serviceName("Microsoft.Network/dnsResolvers").build())
                // Azure serialises writes to one VNet's subnets (as for the PostgreSQL subnet).
                .build(), CustomResourceOptions.builder().parent(parent).provider(site.azureProvider())
                .dependsOn(site.lastSubnet() == null ? List.of() : List.of(site.lastSubnet())).build());
        site.addSubnet(subnet);
        var resolver = new DnsResolver(site.name() + "-dns-resolver", DnsResolverArgs.builder()
                .resourceGroupName(site.resourceGroupName())
                .location(site.region())
                .virtualNetwork(SubResourceArgs.builder().id(site.virtualNetworkId()).build())
                .build(), options(site, parent).build());
        new InboundEndpoint(site.name() + "-dns-inbound", InboundEndpointArgs.builder()
                .resourceGroupName(site.resourceGroupName())
                .dnsResolverName(resolver.name())
                .location(site.region())
                .ipConfigurations(InboundEndpointIPConfigurationArgs.builder()
                        .privateIpAllocationMethod("Static")
                        .privateIpAddress(PrivateDnsForwarding.inboundAddress(site.spec()))
                        .subnet(SubResourceArgs.builder().id(subnet.id()).build())
                        .build())
                .build(), options(site, parent).dependsOn(subnet).build());
    }

    /** The site's subnet delegated to Flexible Server: one per site, shared by its servers. */
    private Subnet delegatedSubnet(AzureSite site, Resource parent) {
        Subnet existing = subnets.get(site.name());
        if (existing != null) {
            return existing;
        }
        var subnet = new Subnet(site.name() + "-postgres-subnet", SubnetArgs.builder()
                .resourceGroupName(site.resourceGroupName())
                .virtualNetworkName(site.virtualNetworkName())
                .subnetName("multisite-postgres")
                .addressPrefix(site.databaseSubnetRange().toString())
                .delegations(DelegationArgs.builder().name("flexibleServers").serviceName(DELEGATION).build())
                // Azure serialises writes to one VNet's subnets: after the site's last one (none left when another part wrote them).
                .build(), CustomResourceOptions.builder().parent(parent).provider(site.azureProvider())
                .dependsOn(site.lastSubnet() == null ? List.of() : List.of(site.lastSubnet())).build());
        site.addSubnet(subnet);
        subnets.put(site.name(), subnet);
        return subnet;
    }

    private ServerArgs.Builder base(AzureSite site, DataSettings data, String partition, String role, Zone zone, Resource parent) {
        return ServerArgs.builder()
                .resourceGroupName(site.resourceGroupName())
                .location(site.region())
                .version(data.engine().version())
                .sku(SkuArgs.builder().name(data.instanceClassFor(site.provider())).tier("GeneralPurpose").build())
                .storage(StorageArgs.builder().storageSizeGB(data.storageGb()).build())
                .network(NetworkArgs.builder()
                        .delegatedSubnetResourceId(delegatedSubnet(site, parent).id())
                        .privateDnsZoneArmResourceId(zone.zone().id())
                        .build())
                .tags(Map.of("multisite-site", site.name(), "multisite-partition", partition, "multisite-role", role));
    }

    private static CustomResourceOptions.Builder options(AzureSite site, Resource parent) {
        return CustomResourceOptions.builder().parent(parent).provider(site.azureProvider());
    }

    private static DatabaseNode node(Site site, String partition, DatabaseNode.Role role, Server server, Output<String> credentialRef,
                                     Output<String> user) {
        Output<String> promote = server.name().applyValue(n -> DatabaseCommands.promote(site.spec(), n));
        return new DatabaseNode(site.name(), partition, role, server, server.name(), server.fullyQualifiedDomainName(), site.region(),
                "azure", promote, credentialRef, user);
    }

    static List<AzureSite> azureSitesOf(List<Site> sites) {
        List<AzureSite> out = new ArrayList<>();
        sites.stream().flatMap(s -> s.azureSite().stream()).forEach(out::add);
        return out;
    }
}
