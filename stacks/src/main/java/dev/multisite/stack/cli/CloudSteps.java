package dev.multisite.stack.cli;

import dev.multisite.ops.drill.StackOutputs;
import dev.multisite.ops.failover.CloudStep;
import dev.multisite.ops.failover.CommandStep;
import dev.multisite.ops.failover.AwsSteps;
import dev.multisite.stack.runbook.FailoverPlan;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.DnsAuthority;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.FailoverStepKind;
import dev.multisite.topology.Topology;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan's steps as cloud steps: the SDK request where one is built (Route 53 drain, RDS
 * promotion), otherwise the plan's own command. Clients take credentials from the AWS default
 * chain only when a request is sent (never in a dry run).
 */
final class CloudSteps {
    private CloudSteps() {
    }

    static List<CloudStep> of(Topology topology, FailoverPlan plan, StackOutputs outputs) {
        List<CloudStep> steps = new ArrayList<>();
        var global = DnsAuthority.of(topology).global();
        for (var step : plan.steps()) {
            var kind = java.util.Arrays.stream(FailoverStepKind.values()).filter(k -> k.id().equals(step.kind())).findFirst().orElseThrow();
            if (kind == FailoverStepKind.DRAIN_DNS && global != null && global.backend().kind() == DnsBackend.Kind.ROUTE53) {
                // Route 53 is a global service signed in us-east-1 (the SDK's aws-global region).
                steps.add(AwsSteps.route53Drain(Route53Client.builder().region(Region.AWS_GLOBAL).httpClient(UrlConnectionHttpClient.create()).build(),
                        plan.site(), outputs.drainSwitch(plan.site())));
            } else if (kind == FailoverStepKind.PROMOTE_REPLICA && step.target() != null
                    && topology.site(step.target()).orElseThrow().provider() == CloudProvider.AWS) {
                var target = topology.site(step.target()).orElseThrow();
                String instance = outputs.get("databaseInstances").map(n -> n.path(target.name() + "/default").asText(""))
                        .filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalArgumentException(
                                "--outputs: stack output 'databaseInstances' has no '" + target.name() + "/default'; write `pulumi stack output --json` of the stack"));
                steps.add(AwsSteps.rdsPromote(RdsClient.builder().region(Region.of(target.region())).httpClient(UrlConnectionHttpClient.create()).build(),
                        target.name(), instance));
            } else if (step.command() != null) {
                steps.add(new CommandStep(kind, step.action(), List.of("bash", "-c", step.command())));
            }
        }
        return steps;
    }
}
