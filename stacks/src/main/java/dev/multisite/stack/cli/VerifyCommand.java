package dev.multisite.stack.cli;

import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DataPartitions;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code multisite verify}: the cloud commands that settle, against a deployed stack, what only a
 * real account can answer (docs/data.md and docs/traffic.md, "What a first real deployment must
 * confirm"). It prints them, one block per question and site, for an operator with the stack's
 * credentials to run; it never calls a cloud itself.
 */
@Command(name = "verify",
        description = {"Print the cloud commands that settle what the offline plan cannot answer on a deployed stack.",
                "(1) A Cloud SQL replica's private network is its primary's; (2) AWS IAM accepts an AKS site's service account",
                "token (its issuer ends in '/') for the Route 53 role ExternalDNS assumes. Run them with the stack's credentials."},
        exitCodeList = {"0:printed", "2:invalid option, stack file or topology (one line on stderr)"})
final class VerifyCommand extends StackCommand {
    @Override
    int run(StackFile stack, PrintWriter out) {
        List<String> blocks = checks(stack.stackName(), stack.topology());
        if (blocks.isEmpty()) {
            out.println("Nothing to verify for stack " + stack.stackName() + ": no Cloud SQL replica and no AKS site writing to Route 53.");
        }
        blocks.forEach(b -> out.println(b + "\n"));
        return 0;
    }

    /** One block per question and site: what it settles, and the commands. */
    static List<String> checks(String stackName, Topology topology) {
        List<String> out = new ArrayList<>();
        if (topology.data() != null) {
            for (var partition : DataPartitions.of(topology.sites(), topology.data())) {
                SiteSpec primary = topology.site(partition.authority()).orElseThrow();
                boolean gcpReplica = primary.provider() == CloudProvider.GCP && partition.replicas().stream()
                        .anyMatch(r -> topology.site(r).orElseThrow().provider() == CloudProvider.GCP);
                if (gcpReplica) {
                    // Google Cloud SQL Admin API, instances.get: settings.ipConfiguration.privateNetwork and masterInstanceName.
                    out.add("# (1) Cloud SQL, partition " + partition.name() + ": every replica's private network must be its primary's.\n"
                            + "gcloud sql instances list --project " + primary.gcp().project()
                            + " --filter='settings.userLabels.multisite-partition=" + partition.name() + "'"
                            + " --format='table(name,region,masterInstanceName,settings.ipConfiguration.privateNetwork)'\n"
                            + "# settled when every row shows the same privateNetwork (the VPC of " + partition.authority() + ").");
                }
            }
        }
        boolean route53 = topology.traffic() != null && topology.traffic().dns().stream().anyMatch(d -> d.kind() == DnsBackend.Kind.ROUTE53);
        if (route53) {
            for (SiteSpec site : topology.sites()) {
                if (site.provider() != CloudProvider.AZURE) {
                    continue;
                }
                String jwt = "/tmp/multisite-" + site.name() + ".jwt";
                out.add("# (2) AWS IAM and the AKS issuer of " + site.name() + " (its iss ends in '/', the IAM provider URL does not).\n"
                        + "pulumi stack output --stack " + stackName + " --show-secrets --json kubeconfigs | jq -r '.\"" + site.name() + "\"' > "
                        + "/tmp/multisite-" + site.name() + ".kubeconfig\n"
                        + "kubectl --kubeconfig /tmp/multisite-" + site.name() + ".kubeconfig -n external-dns create token external-dns"
                        + " --audience sts.amazonaws.com > " + jwt + "\n"
                        + "aws sts assume-role-with-web-identity --role-session-name multisite-verify --web-identity-token file://" + jwt
                        + " --role-arn \"$(aws iam list-roles --query \"Roles[?starts_with(RoleName, '" + site.name()
                        + "-external-dns-role')].Arn | [0]\" --output text)\"\n"
                        + "# settled when it returns Credentials; InvalidIdentityToken means IAM did not match the issuer.");
            }
        }
        return out;
    }
}
