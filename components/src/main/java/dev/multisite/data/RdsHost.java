package dev.multisite.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.site.AwsSite;
import dev.multisite.site.Site;
import dev.multisite.site.Sites;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataSettings;
import dev.multisite.topology.DatabaseCommands;

import java.util.List;
import java.util.Map;

/**
 * RDS PostgreSQL: storage encrypted with a KMS key in the instance's own region, deletion
 * protection, backups, Multi-AZ, no public access, IAM authentication, and the master password
 * generated and kept by RDS in Secrets Manager ({@code manageMasterUserPassword}), so it never
 * exists in Pulumi state or outputs. Replicas replicate across regions from the primary's ARN.
 */
final class RdsHost implements DatabaseHost {
    private final List<String> allowedCidrs;

    /** @param allowedCidrs the VPC and pod ranges of every site: PostgreSQL is opened to those, nothing wider */
    RdsHost(List<String> allowedCidrs) {
        this.allowedCidrs = List.copyOf(allowedCidrs);
    }

    @Override
    public DatabaseNode primary(String name, Site site, String partition, DataSettings data, boolean retired, Resource parent) {
        var base = network(name, site, parent);
        var instance = new Instance(name, base.args(data, partition, retired ? "retired-primary" : "primary")
                .engine("postgres")
                .engineVersion(data.engine().version())
                .allocatedStorage(data.storageGb())
                .storageType("gp3")
                .dbName(data.database())
                .username("multisite_admin")
                .manageMasterUserPassword(true)
                .backupRetentionPeriod(data.backupRetentionDays())
                .multiAz(true)
                .finalSnapshotIdentifier(name + "-final")
                .build(), base.options().protect(true).build());
        return node(site, partition, retired ? DatabaseNode.Role.RETIRED_PRIMARY : DatabaseNode.Role.PRIMARY, instance,
                instance.masterUserSecrets().applyValue(s -> s.isEmpty() ? "" : s.get(0).secretArn().orElse("")));
    }

    @Override
    public DatabaseNode replica(String name, Site site, String partition, DataSettings data, DatabaseNode source, Resource parent) {
        var base = network(name, site, parent);
        var instance = new Instance(name, base.args(data, partition, "replica")
                .replicateSourceDb(((Instance) source.resource()).arn())
                .backupRetentionPeriod(1)
                .skipFinalSnapshot(true)
                .build(), base.options().build());
        return node(site, partition, DatabaseNode.Role.REPLICA, instance, Output.of(""));
    }

    private record Network(Site site, Key key, SubnetGroup subnets, SecurityGroup securityGroup, Resource parent, String name) {
        InstanceArgs.Builder args(DataSettings data, String partition, String role) {
            return InstanceArgs.builder()
                    .instanceClass(data.instanceClassFor(site.provider()))
                    .storageEncrypted(true)
                    .kmsKeyId(key.arn())
                    .deletionProtection(true)
                    .publiclyAccessible(false)
                    .iamDatabaseAuthenticationEnabled(true)
                    .dbSubnetGroupName(subnets.name())
                    .vpcSecurityGroupIds(securityGroup.id().applyValue(List::of))
                    .copyTagsToSnapshot(true)
                    .tags(Map.of("multisite-site", site.name(), "multisite-partition", partition, "multisite-role", role));
        }

        CustomResourceOptions.Builder options() {
            return CustomResourceOptions.builder().parent(parent).provider(site.awsSite().orElseThrow(Sites.notA(site, CloudProvider.AWS)).awsProvider());
        }
    }

    /** The instance's key, subnet group and security group, in the site's own region and VPC. */
    private Network network(String name, Site site, Resource parent) {
        var eks = site.awsSite().orElseThrow(Sites.notA(site, CloudProvider.AWS));
        var opts = CustomResourceOptions.builder().parent(parent).provider(eks.awsProvider()).build();
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Multisite " + name + " storage encryption (" + site.region() + ")")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), opts);
        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .subnetIds(eks.privateSubnets())
                .build(), opts);
        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description("PostgreSQL " + name + ": 5432 from the sites' VPC and pod ranges only")
                .vpcId(eks.vpcId())
                .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(DatabaseNode.PORT).toPort(DatabaseNode.PORT)
                        .cidrBlocks(allowedCidrs).description("PostgreSQL from Multisite sites").build())
                .build(), opts);
        return new Network(site, key, subnets, sg, parent, name);
    }

    private static DatabaseNode node(Site site, String partition, DatabaseNode.Role role, Instance instance, Output<String> credential) {
        Output<String> promote = instance.identifier().applyValue(id -> DatabaseCommands.promote(site.spec(), id));
        return new DatabaseNode(site.name(), partition, role, instance, instance.identifier(), instance.address(), site.region(), "aws",
                promote, credential);
    }
}
