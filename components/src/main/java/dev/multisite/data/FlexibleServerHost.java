package dev.multisite.data;

import com.pulumi.azurenative.dbforpostgresql.Server;
import com.pulumi.azurenative.dbforpostgresql.ServerArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.AuthConfigArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.BackupArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.HighAvailabilityArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.SkuArgs;
import com.pulumi.azurenative.dbforpostgresql.inputs.StorageArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.AksSite;
import dev.multisite.site.Site;
import dev.multisite.topology.DataSettings;

import java.util.Map;

/**
 * Azure Database for PostgreSQL Flexible Server: zone-redundant HA, geo-redundant backups, Entra
 * ID authentication only (no password exists). Replicas are Flexible Server read replicas
 * ({@code createMode: Replica}) of an Azure primary. Private access (a delegated subnet and a
 * private DNS zone) is not provisioned yet: see the README's data section.
 */
final class FlexibleServerHost implements DatabaseHost {

    @Override
    public DatabaseNode primary(String name, Site site, String partition, DataSettings data, boolean retired, Resource parent) {
        var server = new Server(name, base(site, data, partition, retired ? "retired-primary" : "primary")
                .createMode("Default")
                .highAvailability(HighAvailabilityArgs.builder().mode("ZoneRedundant").build())
                .backup(BackupArgs.builder().backupRetentionDays(data.backupRetentionDays()).geoRedundantBackup("Enabled").build())
                .authConfig(AuthConfigArgs.builder().activeDirectoryAuth("Enabled").passwordAuth("Disabled").build())
                .build(), options(site, parent).protect(true).build());
        return node(site, partition, retired ? DatabaseNode.Role.RETIRED_PRIMARY : DatabaseNode.Role.PRIMARY, server);
    }

    @Override
    public DatabaseNode replica(String name, Site site, String partition, DataSettings data, DatabaseNode source, Resource parent) {
        var server = new Server(name, base(site, data, partition, "replica")
                .createMode("Replica")
                .sourceServerResourceId(((Server) source.resource()).id())
                .build(), options(site, parent).build());
        return node(site, partition, DatabaseNode.Role.REPLICA, server);
    }

    private static ServerArgs.Builder base(Site site, DataSettings data, String partition, String role) {
        return ServerArgs.builder()
                .resourceGroupName(((AksSite) site).resourceGroupName())
                .location(site.region())
                .version(data.engine().version())
                .sku(SkuArgs.builder().name(data.instanceClassFor(site.provider())).tier("GeneralPurpose").build())
                .storage(StorageArgs.builder().storageSizeGB(data.storageGb()).build())
                .tags(Map.of("multisite-site", site.name(), "multisite-partition", partition, "multisite-role", role));
    }

    private static CustomResourceOptions.Builder options(Site site, Resource parent) {
        return CustomResourceOptions.builder().parent(parent).provider(((AksSite) site).azureProvider());
    }

    private static DatabaseNode node(Site site, String partition, DatabaseNode.Role role, Server server) {
        Output<String> promote = server.name().applyValue(n -> "az postgres flexible-server replica promote --name " + n
                + " --resource-group " + site.spec().azure().resourceGroup() + " --promote-mode standalone");
        return new DatabaseNode(site.name(), partition, role, server, server.name(), server.fullyQualifiedDomainName(), site.region(),
                "azure", promote, Output.of(""));
    }
}
