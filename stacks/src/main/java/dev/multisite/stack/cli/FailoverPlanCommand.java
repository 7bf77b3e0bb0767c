package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.stack.runbook.FailoverPlan;
import dev.multisite.topology.SiteSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code multisite failover plan}: the executable plan for losing a site (every site without --site). */
@Command(name = "plan",
        description = {"Print the executable plan for losing a site: steps, order, parallel groups, what each runs, and its",
                "expected time against the RTO; then the failback. Without --site: one plan per site."})
final class FailoverPlanCommand extends StackCommand {
    @Option(names = "--site", paramLabel = "NAME", description = "The site to lose (default: every site in turn).")
    String site;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the plans as JSON.")
    Path json;

    @Override
    void checkOptions(CommandLine cli) {
        if (json != null) {
            OutputFiles.checkFile(cli, "--json", json);
        }
    }

    @Override
    int run(StackFile stack, PrintWriter out) throws Exception {
        var topology = stack.topology();
        List<SiteSpec> sites = site == null ? topology.sites() : List.of(StackChoice.site(spec.commandLine(), stack, site));
        List<FailoverPlan> plans = sites.stream().map(s -> FailoverPlan.of(stack.stackName(), topology, s)).toList();
        plans.forEach(p -> out.println(p.markdown()));
        if (json != null) {
            OutputFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plans));
        }
        return 0;
    }
}
