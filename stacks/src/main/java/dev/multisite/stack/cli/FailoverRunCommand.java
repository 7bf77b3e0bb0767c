package dev.multisite.stack.cli;

import dev.multisite.ops.netlab.FailoverReportWriter;
import dev.multisite.ops.netlab.LabFailoverRun;
import dev.multisite.ops.netlab.LabRequirements;
import dev.multisite.ops.netlab.NetLab;
import dev.multisite.ops.netlab.NetLabConfig;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.stack.runbook.FailoverPlan;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.TopologyLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code multisite failover run}: executes the plan step by step. {@code --lab} runs it for real in
 * the lab of real components; {@code --stack} is a dry run of a deployed stack's plan (each step and
 * its exact command, nothing executed).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Execute a failover step by step, with a timeline and the measured RTO and RPO.",
                "--lab: in the lab of real DNS servers, resolvers and PostgreSQL (root, Linux, .ci/lab-packages).",
                "--stack: a dry run of the stack's plan (what would run, in order); cloud execution is not built yet."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the failover met its budget", "1:it missed the budget (the report says why first)",
                "2:invalid options, an unknown site, or a missing package; nothing was started"})
final class FailoverRunCommand implements Callable<Integer> {
    @Option(names = "--lab", description = "Run in the local lab of real components.")
    boolean lab;

    @Option(names = "--stack", paramLabel = "NAME", description = "Dry run of this stack's plan (reads stacks/Pulumi.<NAME>.yaml).")
    String stack;

    @Option(names = "--site", paramLabel = "NAME", description = "The site to lose (lab: lab-1..lab-3; default lab-1, which holds the primary).")
    String site;

    @Option(names = "--fault", defaultValue = "cut-link", paramLabel = "FAULT",
            description = "Lab fault: cut-link, killed-app or stopped-database (default: ${DEFAULT-VALUE}).")
    String fault;

    @Option(names = "--resolver", paramLabel = "FLAVOUR", split = ",",
            description = "Lab resolvers: unbound-default, unbound-prefetch-serve-expired, unbound-cache-min-ttl-300, kresd-default (default: all).")
    java.util.List<String> resolverKeys;

    @Option(names = "--dry-run", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Stack runs: print the steps and commands only (default). --no-dry-run is refused until cloud steps are built.")
    boolean dryRun;

    @Option(names = "--outputs", paramLabel = "FILE",
            description = "Stack run: `pulumi stack output --json` of the stack; the dry run then shows the SDK requests (Route 53, RDS).")
    Path outputs;

    @Option(names = "--out", defaultValue = "failover", paramLabel = "DIR", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var cli = spec.commandLine();
        if (lab == (stack != null)) {
            throw new ParameterException(cli, "choose one: --lab, or --stack NAME --site NAME");
        }
        return lab ? lab() : stackDryRun();
    }

    private Integer lab() throws Exception {
        var cli = spec.commandLine();
        var config = NetLabConfig.standard();
        if (resolverKeys != null) {
            var chosen = new java.util.ArrayList<dev.multisite.ops.netlab.ResolverFlavour>();
            for (String key : resolverKeys) {
                chosen.add(dev.multisite.ops.netlab.ResolverFlavour.byKey(key).orElseThrow(() -> new ParameterException(cli, "--resolver: '"
                        + TopologyLimits.quote(key) + "' is not a resolver flavour; choose from " + String.join(", ",
                        java.util.Arrays.stream(dev.multisite.ops.netlab.ResolverFlavour.values()).map(dev.multisite.ops.netlab.ResolverFlavour::key).toList()))));
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
        var missing = LabRequirements.missing();
        if (missing.isPresent()) {
            throw new ParameterException(cli, missing.get());
        }
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
                    + "(`./multisite failover plan --stack " + stack + " --site " + site + "`) by hand");
        }
        StackFile file = StackFile.read(ProjectDir.find(Path.of("")).stackFile(stack));
        SiteSpec lost = file.topology().site(site).orElseThrow(() -> new ParameterException(cli, "--site: '" + TopologyLimits.quote(site)
                + "' is not a site of stack " + stack + "; sites: " + String.join(", ", file.topology().sites().stream().map(SiteSpec::name).toList())));
        var plan = FailoverPlan.of(file.stackName(), file.topology(), lost);
        var progress = cli.getOut();
        if (outputs != null) {
            OutputFiles.checkFile(cli, "--outputs", outputs);
            var stackOutputs = new dev.multisite.ops.drill.StackOutputs(readOutputs());
            progress.println("dry run: nothing is sent. Would send, in order:");
            try {
                dev.multisite.ops.failover.CloudFailover.run(CloudSteps.of(file.topology(), plan, stackOutputs), true, progress);
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

    private com.fasterxml.jackson.databind.JsonNode readOutputs() {
        String text = dev.multisite.topology.InputFiles.readText(outputs, "stack outputs file");
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new dev.multisite.topology.TopologyException(outputs + ": expected a JSON object from `pulumi stack output --json`");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new dev.multisite.topology.TopologyException(outputs + ": not valid JSON; write the output of `pulumi stack output --json`");
        }
    }
}
