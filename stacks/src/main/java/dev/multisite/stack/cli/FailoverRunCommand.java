package dev.multisite.stack.cli;

import dev.multisite.ops.failover.CloudFailover;
import dev.multisite.ops.netlab.FailoverReportWriter;
import dev.multisite.ops.netlab.LabFailoverRun;
import dev.multisite.ops.netlab.NetLab;
import dev.multisite.ops.netlab.NetLabConfig;
import dev.multisite.ops.netlab.ResolverFlavour;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.stack.runbook.FailoverPlan;
import dev.multisite.topology.TopologyLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code multisite failover run}: executes the plan step by step. {@code --lab} runs it for real in
 * the lab of real components; {@code --stack} is a dry run of a deployed stack's plan (each step and
 * its exact command, nothing executed).
 */
@Command(name = "run",
        description = {"Execute a failover step by step, with a timeline and the measured RTO and RPO.",
                "--lab: in the lab of real DNS servers, resolvers and PostgreSQL (root, Linux, .ci/lab-packages).",
                "--stack: a dry run of the stack's plan (what would run, in order); cloud execution is not built yet."},
        exitCodeList = {"0:the failover met its budget", "1:it missed the budget (the report says why first)",
                "2:invalid options, an unknown site, or a missing package; nothing was started"})
final class FailoverRunCommand implements Callable<Integer> {
    @Mixin
    LabOrStackOptions labOrStack;

    @Option(names = "--site", paramLabel = "NAME", description = "The site to lose (lab: lab-1..lab-3; default lab-1, which holds the primary).")
    String site;

    @Option(names = "--fault", defaultValue = "cut-link", paramLabel = "FAULT",
            description = "Lab fault: cut-link, killed-app or stopped-database (default: ${DEFAULT-VALUE}).")
    String fault;

    @Option(names = "--resolver", paramLabel = "FLAVOUR", split = ",",
            description = "Lab resolvers: unbound-default, unbound-prefetch-serve-expired, unbound-cache-min-ttl-300, kresd-default (default: all).")
    List<String> resolverKeys;

    @Option(names = "--dry-run", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Stack runs: print the steps and commands only (default). --no-dry-run is refused until cloud steps are built.")
    boolean dryRun;

    @Option(names = "--out", defaultValue = "failover", paramLabel = "DIR", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        labOrStack.requireOne("--stack NAME --site NAME");
        return labOrStack.lab ? lab() : stackDryRun();
    }

    private Integer lab() throws Exception {
        var cli = spec.commandLine();
        var config = NetLabConfig.standard();
        if (resolverKeys != null) {
            var chosen = new ArrayList<ResolverFlavour>();
            for (String key : resolverKeys) {
                chosen.add(ResolverFlavour.byKey(key).orElseThrow(() -> new ParameterException(cli, "--resolver: '"
                        + TopologyLimits.quote(key) + "' is not a resolver flavour; choose from " + String.join(", ",
                        Arrays.stream(ResolverFlavour.values()).map(ResolverFlavour::key).toList()))));
            }
            config = config.withFlavours(chosen.stream().distinct().toList());
        }
        String target = site == null ? config.primarySite() : site;
        if (!config.siteNames().contains(target)) {
            throw new ParameterException(cli, "--site: no lab site '" + TopologyLimits.quote(target) + "'; the lab has "
                    + String.join(", ", config.siteNames()));
        }
        LabFailoverRun.Fault chosen = switch (fault) {
            case "cut-link" -> LabFailoverRun.Fault.CUT_LINK;
            case "killed-app" -> LabFailoverRun.Fault.KILLED_APP;
            case "stopped-database" -> LabFailoverRun.Fault.STOPPED_DATABASE;
            default -> throw new ParameterException(cli, "--fault: '" + TopologyLimits.quote(fault)
                    + "' is not a fault; choose cut-link, killed-app or stopped-database");
        };
        OutputFiles.checkDirectoryTarget(cli, "--out", out);
        labOrStack.requireLab();
        var progress = cli.getOut();
        try (var running = NetLab.start(config, progress)) {
            var report = new LabFailoverRun(running, target, chosen).run();
            progress.println("report: " + FailoverReportWriter.write(report, out));
            progress.println(report.verdict());
            return report.passed() ? 0 : CliErrors.FAILED;
        }
    }

    private Integer stackDryRun() {
        var cli = spec.commandLine();
        if (site == null) {
            throw new ParameterException(cli, "--site: a stack run needs the site to lose");
        }
        if (!dryRun) {
            throw new ParameterException(cli, "--no-dry-run: executing cloud steps is not built yet; run the plan's commands "
                    + "(`./multisite failover plan --stack " + labOrStack.stack + " --site " + site + "`) by hand");
        }
        StackFile file = labOrStack.stackFile();
        var plan = FailoverPlan.of(file.stackName(), file.topology(), StackChoice.site(cli, file, site));
        var progress = cli.getOut();
        if (labOrStack.outputs != null) {
            OutputFiles.checkFile(cli, "--outputs", labOrStack.outputs);
            var stackOutputs = labOrStack.stackOutputs();
            progress.println("dry run: nothing is sent. Would send, in order:");
            try {
                CloudFailover.run(CloudSteps.of(file.topology(), plan, stackOutputs), true, progress);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage());
            }
            return 0;
        }
        progress.println("dry run: nothing is executed. Would run, in order:");
        for (var step : plan.steps()) {
            progress.println("  [group " + step.group() + "] " + step.kind() + ": " + step.action());
            if (step.command() != null) {
                step.command().lines().forEach(l -> progress.println("      " + l));
            }
        }
        return 0;
    }
}
