package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.stack.runbook.FailoverPlan;
import dev.multisite.topology.SiteSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code multisite failover plan}: the executable plan for losing a site (every site without --site). */
@Command(name = "plan",
        description = {"Print the executable plan for losing a site: steps, order, parallel groups, what each runs, and its",
                "expected time against the RTO; then the failback. Without --site: one plan per site."})
final class FailoverPlanCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    StackChoice choice;

    @Option(names = "--site", paramLabel = "NAME", description = "The site to lose (default: every site in turn).")
    String site;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the plans as JSON.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (json != null) {
            OutputFiles.checkFile(spec.commandLine(), "--json", json);
        }
        StackFile stack = choice.read();
        var topology = stack.topology();
        List<SiteSpec> sites = site == null ? topology.sites() : List.of(StackChoice.site(spec.commandLine(), stack, site));
        List<FailoverPlan> plans = sites.stream().map(s -> FailoverPlan.of(stack.stackName(), topology, s)).toList();
        plans.forEach(p -> spec.commandLine().getOut().println(p.markdown()));
        if (json != null) {
            OutputFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plans));
        }
        return 0;
    }
}
