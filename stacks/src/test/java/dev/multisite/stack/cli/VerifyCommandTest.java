package dev.multisite.stack.cli;

import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.PlanCommandTest.Run;
import org.junit.jupiter.api.Test;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `multisite verify`: the cloud commands that settle the two open questions, and bad options as one line with exit 2. */
class VerifyCommandTest {

    @Test
    void theDataStackGetsTheCloudSqlAndTheAksIssuerChecks() {
        Run r = run("verify", "--stack-file", ExampleStacks.file("data").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("# (1) Cloud SQL, partition eu: every replica's private network must be its primary's.",
                "gcloud sql instances list --project multisite-data-eu --filter='settings.userLabels.multisite-partition=eu'",
                "settings.ipConfiguration.privateNetwork");
        // Both AKS sites write to Route 53 (the data stack's global name): one IAM check each.
        assertThat(r.out()).contains("# (2) AWS IAM and the AKS issuer of az-weu", "# (2) AWS IAM and the AKS issuer of az-neu",
                "--audience sts.amazonaws.com", "aws sts assume-role-with-web-identity", "pulumi stack output --stack data");
    }

    @Test
    void aStackWithNeitherQuestionSaysSo() {
        Run r = run("verify", "--stack-file", ExampleStacks.file("dev").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Nothing to verify for stack dev");
    }

    @Test
    void badOptionsAreOneLineAndExit2() {
        Run missing = run("verify");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
        Run unknown = run("verify", "--stack-file", ExampleStacks.file("data").toString(), "--region", "x");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
