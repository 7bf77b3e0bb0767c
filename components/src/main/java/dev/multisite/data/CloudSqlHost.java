package dev.multisite.data;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.compute.NetworkPeeringRoutesConfig;
import com.pulumi.gcp.compute.NetworkPeeringRoutesConfigArgs;
import com.pulumi.gcp.servicenetworking.Connection;
import com.pulumi.gcp.servicenetworking.ConnectionArgs;
import com.pulumi.gcp.sql.DatabaseInstance;
import com.pulumi.gcp.sql.DatabaseInstanceArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsBackupConfigurationArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsDatabaseFlagArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsIpConfigurationArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.GcpSite;
import dev.multisite.site.Site;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.DatabaseCommands;
import dev.multisite.topology.PrivateServices;

import java.util.HashMap;
import java.util.Map;

/**
 * Cloud SQL for PostgreSQL: private IP only (through a private services connection in the
 * primary site's VPC), regional availability, backups with point-in-time recovery, deletion
 * protection, and IAM database authentication instead of passwords, edition {@code ENTERPRISE}.
 * Replicas are cross-region Cloud SQL replicas in the primary's project: the parser rejects a
 * replica site in another project ({@code DataValidator}), since {@code masterInstanceName} would
 * then need the {@code project:instance} form and the replica a network that can reach the primary's.
 *
 * <p>The private services range is the topology's ({@code gcp.privateServicesCidr}, allocated with
 * its address, not auto-allocated), the primary site's Cloud Router announces it like the site's
 * own ranges, and the servicenetworking peering exports the VPC's custom routes so Cloud SQL has
 * routes back to the other sites ({@link PrivateServices}). A replica is placed in its primary's
 * VPC: Cloud SQL takes a replica's private network from its primary (terraform-provider-google
 * issue 3495: the API refuses a replica on another network), so its address is in that range too.
 */
final class CloudSqlHost implements DatabaseHost {
    /** The Cloud SQL edition of every instance: the one whose tiers include {@code db-custom-*}. */
    static final String EDITION = "ENTERPRISE";
    private final Map<String, Connection> connections = new HashMap<>();
    /** Per partition, the site whose VPC holds its instances ({@link PrivateServices#networkSite}). */
    private final Map<String, GcpSite> networkOf;

    CloudSqlHost(Map<String, GcpSite> networkOf) {
        this.networkOf = Map.copyOf(networkOf);
    }

    @Override
    public DatabaseNode primary(String name, Site site, String partition, DataSettings data, boolean retired, Resource parent) {
        GcpSite network = networkOf.get(partition);
        var settings = settings(site, network, data, partition, retired ? "retired-primary" : "primary")
                .availabilityType("REGIONAL")
                .backupConfiguration(DatabaseInstanceSettingsBackupConfigurationArgs.builder()
                        .enabled(true).pointInTimeRecoveryEnabled(true).transactionLogRetentionDays(Math.min(7, data.backupRetentionDays()))
                        .build());
        var instance = new DatabaseInstance(name, instanceArgs(site, data, settings).build(), options(network, parent).protect(true).build());
        return node(site, partition, retired ? DatabaseNode.Role.RETIRED_PRIMARY : DatabaseNode.Role.PRIMARY, instance);
    }

    @Override
    public DatabaseNode replica(String name, Site site, String partition, DataSettings data, DatabaseNode source, Resource parent) {
        GcpSite network = networkOf.get(partition);
        var instance = new DatabaseInstance(name, instanceArgs(site, data, settings(site, network, data, partition, "replica"))
                .masterInstanceName(source.identifier())
                .build(), options(network, parent).build());
        return node(site, partition, DatabaseNode.Role.REPLICA, instance);
    }

    /** What every instance has, primary or replica: the site's region, the engine version, its settings, deletion protection. */
    private static DatabaseInstanceArgs.Builder instanceArgs(Site site, DataSettings data, DatabaseInstanceSettingsArgs.Builder settings) {
        return DatabaseInstanceArgs.builder()
                .region(site.region())
                .databaseVersion("POSTGRES_" + data.engine().version())
                .deletionProtection(true)
                .settings(settings.build());
    }

    private static DatabaseInstanceSettingsArgs.Builder settings(Site site, GcpSite network, DataSettings data, String partition, String role) {
        return DatabaseInstanceSettingsArgs.builder()
                // Explicit edition: the Cloud SQL Admin API defaults new PostgreSQL 16+ instances to
                // ENTERPRISE_PLUS, whose machine series (N2 / C4A db-perf-optimized-*) exclude the
                // db-custom-* tiers; ENTERPRISE accepts them. Sources: terraform-provider-google
                // sql_database_instance `settings.edition` (ENTERPRISE | ENTERPRISE_PLUS) and Google's
                // "Machine series overview" for Cloud SQL (cloud.google.com/sql/docs/postgres/machine-series-overview).
                .edition(EDITION)
                .tier(data.instanceClassFor(site.provider()))
                .diskSize(data.storageGb())
                .deletionProtectionEnabled(true)
                .ipConfiguration(DatabaseInstanceSettingsIpConfigurationArgs.builder()
                        .ipv4Enabled(false).privateNetwork(network.networkId()).build())
                .databaseFlags(DatabaseInstanceSettingsDatabaseFlagArgs.builder().name("cloudsql.iam_authentication").value("on").build())
                .userLabels(Map.of("multisite-site", site.name(), "multisite-partition", partition, "multisite-role", role));
    }

    /** Instances wait for their network's private services connection (one per VPC, shared by its instances). */
    private CustomResourceOptions.Builder options(GcpSite network, Resource parent) {
        var connection = connections.computeIfAbsent(network.name(), s -> {
            var opts = CustomResourceOptions.builder().parent(parent).provider(network.gcpProvider()).build();
            Cidr allocated = PrivateServices.range(network.spec()).orElseThrow(() -> new IllegalStateException(
                    s + " has no gcp.privateServicesCidr (the topology parser requires it where Cloud SQL lives)"));
            var range = new GlobalAddress(s + "-sql-range", GlobalAddressArgs.builder()
                    .purpose("VPC_PEERING").addressType("INTERNAL")
                    .address(allocated.address(0)).prefixLength(allocated.prefixLength())
                    .network(network.networkId()).build(), opts);
            var peering = new Connection(s + "-sql-peering", ConnectionArgs.builder()
                    .network(network.networkId()).service("servicenetworking.googleapis.com")
                    .reservedPeeringRanges(range.name().applyValue(java.util.List::of)).build(), opts);
            // The way back: the producer network learns this VPC's custom (BGP-learned) routes to
            // the other sites only if the peering exports them (Google, "Configure private services
            // access": gcloud compute networks peerings update servicenetworking-googleapis-com --export-custom-routes).
            new NetworkPeeringRoutesConfig(s + "-sql-routes", NetworkPeeringRoutesConfigArgs.builder()
                    .network(network.networkId().applyValue(id -> id.substring(id.lastIndexOf('/') + 1)))
                    .peering(PrivateServices.PEERING)
                    .exportCustomRoutes(PrivateServices.EXPORTS_CUSTOM_ROUTES)
                    .importCustomRoutes(false)
                    .build(), CustomResourceOptions.builder().parent(parent).provider(network.gcpProvider()).dependsOn(peering).build());
            return peering;
        });
        return CustomResourceOptions.builder().parent(parent).provider(network.gcpProvider()).dependsOn(connection);
    }

    private static DatabaseNode node(Site site, String partition, DatabaseNode.Role role, DatabaseInstance instance) {
        Output<String> promote = instance.name().applyValue(n -> DatabaseCommands.promote(site.spec(), n));
        return new DatabaseNode(site.name(), partition, role, instance, instance.name(), instance.privateIpAddress(), site.region(), "gcp",
                promote, Output.of(""));
    }
}
