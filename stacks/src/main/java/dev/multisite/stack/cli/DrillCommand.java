package dev.multisite.stack.cli;

import dev.multisite.ops.drill.CloudObservers;
import dev.multisite.ops.drill.Drill;
import dev.multisite.ops.drill.DrillReport;
import dev.multisite.ops.drill.DrillSpec;
import dev.multisite.ops.drill.ReportWriter;
import dev.multisite.ops.netlab.NetLab;
import dev.multisite.ops.netlab.NetLabConfig;
import dev.multisite.ops.netlab.NetLabDrill;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.TopologyLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code multisite drill}: inject a site failure, measure failover against the budget, restore,
 * and write a report. {@code --lab} runs it in the lab of real components (BIND, Unbound, Knot Resolver
 * in network namespaces; root and .ci/lab-packages), no cloud needed.
 */
@Command(name = "drill",
        description = {"Run a failover drill against the failover budget and write its reports.",
                "It takes a site out, measures detection, DNS convergence, survivor errors and recovery,",
                "always restores, and writes Markdown, JSON and SVG reports.",
                "--lab runs it in the lab of real components: sites in network namespaces, BIND, health checkers,",
                "Unbound and Knot Resolver with their defaults (root, Linux, .ci/lab-packages)."},
        exitCodeList = {"0:every drill passed", "1:a drill failed its budget or could not restore", "2:invalid options"})
final class DrillCommand implements Callable<Integer> {
    /** How a cloud drill takes the site out. */
    enum Injector { route53, cloudflare, clouddns, ingress }

    @Mixin
    LabOrStackOptions labOrStack;

    @Option(names = "--injector", defaultValue = "route53",
            description = "Cloud drill: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Injector injector;

    @Option(names = "--resolver", description = "Cloud drill: resolvers to observe (default: 8.8.8.8, 1.1.1.1, 9.9.9.9).")
    List<String> resolverList;

    @Option(names = "--ingress", defaultValue = "ingress-nginx/ingress-nginx-controller",
            description = "Cloud drill with --injector ingress: namespace/deployment to scale to 0 (default: ${DEFAULT-VALUE}).")
    String ingress;

    @Option(names = "--lab-sites", defaultValue = "3", description = "Number of lab sites (default: ${DEFAULT-VALUE}).")
    int labSites;

    @Option(names = "--site", description = "Site to take out (lab: lab-1..lab-N). Default: every site in turn.")
    String site;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "Lab health check interval (default: ${DEFAULT-VALUE}).")
    long intervalMs;

    @Option(names = "--threshold", defaultValue = "3", description = "Failures before a site is unhealthy (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--ttl-seconds", defaultValue = "5", description = "TTL of the lab's global name, in whole seconds as DNS has them (default: ${DEFAULT-VALUE}).")
    int ttlSeconds;

    @Option(names = "--checkers", defaultValue = "3", description = "Lab health checkers, each in its own namespace (default: ${DEFAULT-VALUE}).")
    int checkers;

    @Option(names = "--budget-ms", description = "Failover budget to hold the drill to (lab default: interval x threshold + probe timeout + interval + TTL).")
    Long budgetMs;

    @Option(names = "--out", defaultValue = "drills", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    /** Bounds of the numeric options: long enough for a real drill, short enough to finish. */
    static final long MAX_MILLIS = 3_600_000;
    static final int MAX_THRESHOLD = 10;
    static final int MAX_CHECKERS = 10;
    /** NetLabConfig's bound: each site is a namespace with a JVM health app. */
    static final int MAX_LAB_SITES = 20;
    private static final Pattern RESOLVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");
    private static final Pattern INGRESS = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
    private static final Pattern LAB_SITE = Pattern.compile("lab-([1-9][0-9]?)");

    @Override
    public Integer call() throws Exception {
        labOrStack.requireOne("--stack with --outputs and --site");
        validate();
        return labOrStack.lab ? labDrills() : cloudDrill();
    }

    /** Every option is checked before the lab starts or the first network call: a drill never half-runs on bad input. */
    private void validate() {
        var cli = spec.commandLine();
        range(cli, "--lab-sites", labSites, 2, MAX_LAB_SITES, "sites");
        // The checkers are JVM processes probing over HTTP: below 100 ms their own latency is the measurement.
        range(cli, "--interval-ms", intervalMs, 100, MAX_MILLIS, "milliseconds");
        range(cli, "--threshold", threshold, 1, MAX_THRESHOLD, "consecutive failures");
        // RFC 2181 section 8: a TTL is whole seconds; 1 hour bounds a drill's wait.
        range(cli, "--ttl-seconds", ttlSeconds, 1, MAX_MILLIS / 1000, "seconds");
        range(cli, "--checkers", checkers, 1, MAX_CHECKERS, "checkers");
        if (budgetMs != null) {
            range(cli, "--budget-ms", budgetMs, 1, MAX_MILLIS, "milliseconds");
        }
        if (labOrStack.lab && site != null) {
            var m = LAB_SITE.matcher(site);
            if (!m.matches() || Integer.parseInt(m.group(1)) > labSites) {
                throw new ParameterException(cli, "--site: no lab site '" + TopologyLimits.quote(site) + "'; the lab has lab-1..lab-" + labSites);
            }
        }
        if (resolverList != null) {
            resolverList.stream().filter(r -> !RESOLVER.matcher(r).matches()).findFirst().ifPresent(r -> {
                throw new ParameterException(cli, "--resolver: '" + TopologyLimits.quote(r) + "' is not a resolver address; write an IP address or host name such as 8.8.8.8");
            });
        }
        if (!INGRESS.matcher(ingress).matches()) {
            throw new ParameterException(cli, "--ingress: '" + TopologyLimits.quote(ingress) + "' is not namespace/deployment; write it like ingress-nginx/ingress-nginx-controller");
        }
        OutputFiles.checkDirectoryTarget(cli, "--out", out);
    }

    private static void range(CommandLine cli, String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new ParameterException(cli, option + ": " + value + " is outside " + min + ".." + max + " (" + unit + ")");
        }
    }

    private Integer cloudDrill() throws Exception {
        if (labOrStack.outputs == null || site == null) {
            throw new ParameterException(spec.commandLine(), "a cloud drill needs --outputs FILE and --site NAME");
        }
        StackFile stack = labOrStack.stackFile();
        var topology = stack.topology();
        StackChoice.site(spec.commandLine(), stack, site); // a site of the stack, else one line naming its sites
        var stackOutputs = labOrStack.stackOutputs();
        String hostname = stackOutputs.globalHostname();
        // Everything that can be wrong in the inputs is checked before the first network call.
        var chosen = CloudInjectors.create(injector, site, stackOutputs, ingress, topology);
        Duration budget = budgetMs != null ? Duration.ofMillis(budgetMs)
                : stackOutputs.budget(switch (injector) {
                    case cloudflare -> "cloudflare";
                    case clouddns -> "clouddns";
                    case route53, ingress -> "route53";
                });
        var observers = CloudObservers.of(hostname, topology.sites().stream().map(SiteSpec::name).toList(),
                resolverList == null ? CloudObservers.DEFAULT_RESOLVERS : resolverList);
        DrillReport report = runAndReport(new DrillSpec(site, hostname, chosen, observers, Duration.ofSeconds(2), Duration.ofSeconds(20),
                budget, budget.multipliedBy(3), budget.multipliedBy(3)));
        return verdicts(List.of(report));
    }

    private Integer labDrills() throws Exception {
        var config = new NetLabConfig(labSites, Duration.ofMillis(intervalMs), threshold, checkers, ttlSeconds,
                "lab-1", "lab-2", NetLabConfig.standard().rpoSeconds(), NetLabDrill.FLAVOURS);
        labOrStack.requireLab();
        List<String> targets = site != null ? List.of(site) : config.siteNames();
        Duration budget = budgetMs != null ? Duration.ofMillis(budgetMs) : config.budget();
        Duration sample = Duration.ofMillis(Math.max(100, intervalMs / 4));
        List<DrillReport> reports = new ArrayList<>();
        try (NetLab running = NetLab.start(config, spec.commandLine().getOut())) {
            var drill = new NetLabDrill(running);
            var observers = drill.observers();
            // Every resolver answers with every site before the first fault: the baseline is a healthy lab.
            Thread.sleep(config.detection().toMillis() + intervalMs);
            for (String target : targets) {
                reports.add(runAndReport(new DrillSpec(target, NetLabConfig.HOSTNAME, drill.cutLink(target), observers, sample,
                        Duration.ofMillis(intervalMs), budget, budget.multipliedBy(3), budget.multipliedBy(3))));
            }
        }
        return verdicts(reports);
    }

    /** Runs one drill with live progress and writes its reports. */
    private DrillReport runAndReport(DrillSpec drill) throws Exception {
        var progress = spec.commandLine().getOut();
        DrillReport report = new Drill(drill, progress).run();
        progress.println("report: " + ReportWriter.write(report, out));
        return report;
    }

    /** Prints one verdict line per drill; exit code 0 only if every drill passed. */
    private int verdicts(List<DrillReport> reports) {
        var progress = spec.commandLine().getOut();
        progress.println();
        reports.forEach(r -> progress.println(r.site() + ": " + r.verdict()));
        progress.flush();
        return reports.stream().allMatch(DrillReport::passed) ? 0 : 1;
    }
}
