package dev.multisite.topology;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One home for the promote commands the outputs and the runbooks show. */
class DatabaseCommandsTest {

    @Test
    void promoteNamesTheInstanceAndWhereItLives() {
        var topology = TopologyParser.parse(Fixtures.valid());
        var aws = topology.sites().stream().filter(s -> s.provider() == CloudProvider.AWS).findFirst().orElseThrow();
        assertThat(DatabaseCommands.promote(aws, "db-1")).isEqualTo("aws rds promote-read-replica --region " + aws.region() + " --db-instance-identifier db-1");
        var gcp = topology.sites().stream().filter(s -> s.provider() == CloudProvider.GCP).findFirst().orElseThrow();
        assertThat(DatabaseCommands.promote(gcp, "db-2")).isEqualTo("gcloud sql instances promote-replica db-2 --project " + gcp.gcp().project());
        var azure = topology.sites().stream().filter(s -> s.provider() == CloudProvider.AZURE).findFirst().orElseThrow();
        assertThat(DatabaseCommands.promote(azure, "db-3")).contains("--resource-group " + azure.azure().resourceGroup(), "--name db-3", "--promote-mode standalone");
    }
}
