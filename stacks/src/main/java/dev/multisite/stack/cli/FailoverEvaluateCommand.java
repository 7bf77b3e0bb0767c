package dev.multisite.stack.cli;

import dev.multisite.stack.plan.StackFile;
import dev.multisite.stack.runbook.FailoverEvaluation;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code multisite failover evaluate}: can the stack's failover plans meet their targets now. */
@Command(name = "evaluate",
        description = {"Check whether the failover plans can meet their targets: a replica per partition (lag within the RPO",
                "where readable), N+1 capacity after losing each site, detection + TTL within the RTO, the DNS authority",
                "reachable. Names every failing check."},
        exitCodeList = {"0:every check passed (or could not be read)", "1:a check failed", "2:invalid options or stack"})
final class FailoverEvaluateCommand extends StackCommand {
    @Option(names = "--offline", description = "Do not query the DNS authority (the check is reported as not checked).")
    boolean offline;

    @Override
    int run(StackFile stack, PrintWriter out) {
        var checks = FailoverEvaluation.evaluate(stack.topology(), offline ? null : FailoverEvaluateCommand::answersSoa);
        checks.forEach(c -> out.println(c.status() + " " + c.name() + ": " + c.detail()));
        var failed = checks.stream().filter(c -> c.status() == FailoverEvaluation.Status.FAIL).map(FailoverEvaluation.Check::name).toList();
        out.println(failed.isEmpty() ? "failover evaluate: every check passed" : "failover evaluate: FAILED " + String.join(", ", failed));
        return failed.isEmpty() ? 0 : CliErrors.FAILED;
    }

    /** A live SOA lookup of the zone through the system's resolver (dnsjava Lookup), bounded by its timeout. */
    private static boolean answersSoa(String zone) {
        try {
            var lookup = new Lookup(zone, Type.SOA);
            var resolver = new org.xbill.DNS.ExtendedResolver();
            resolver.setTimeout(java.time.Duration.ofSeconds(3));
            lookup.setResolver(resolver);
            var records = lookup.run();
            return lookup.getResult() == Lookup.SUCCESSFUL && records != null && records.length > 0;
        } catch (org.xbill.DNS.TextParseException e) {
            return false;
        }
    }
}
