package dev.multisite.stack.cli;

import dev.multisite.ops.drill.Drill;
import dev.multisite.ops.drill.DrillReport;
import dev.multisite.ops.drill.DrillSpec;
import dev.multisite.ops.drill.ReportWriter;
import dev.multisite.ops.lab.Lab;
import dev.multisite.ops.lab.LabConfig;
import dev.multisite.ops.lab.LabSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code multisite drill}: inject a site failure, measure failover against the budget, restore,
 * and write a report. {@code --lab} runs it against a local lab on loopback (no cloud needed).
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Run a failover drill: take a site out, measure detection, DNS convergence, survivor errors and",
                "recovery against the failover budget, always restore, and write Markdown, JSON and SVG reports.",
                "--lab runs it against local sites, a local DNS server and a health checker on loopback."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every drill passed", "1:a drill failed its budget or could not restore", "2:invalid options"})
final class DrillCommand implements Callable<Integer> {
    @Option(names = "--lab", required = true, description = "Drill a local lab (loopback only). Cloud drills: see README, Operations.")
    boolean lab;

    @Option(names = "--lab-sites", defaultValue = "3", description = "Number of lab sites (default: ${DEFAULT-VALUE}).")
    int labSites;

    @Option(names = "--site", description = "Site to take out (lab: lab-1..lab-N). Default: every site in turn.")
    String site;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "Health check interval (default: ${DEFAULT-VALUE}).")
    long intervalMs;

    @Option(names = "--threshold", defaultValue = "3", description = "Failures before a site is unhealthy (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--ttl-ms", defaultValue = "1000", description = "DNS TTL the resolvers honour (default: ${DEFAULT-VALUE}).")
    long ttlMs;

    @Option(names = "--resolvers", defaultValue = "3", description = "Caching resolvers observing DNS (default: ${DEFAULT-VALUE}).")
    int resolvers;

    @Option(names = "--budget-ms", description = "Failover budget to hold the drill to (default: interval x threshold + TTL + interval).")
    Long budgetMs;

    @Option(names = "--out", defaultValue = "drills", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var config = new LabConfig(labSites, Duration.ofMillis(intervalMs), threshold, Duration.ofMillis(ttlMs), resolvers, "app.lab.multisite.test");
        var progress = spec.commandLine().getOut();
        List<DrillReport> reports = new ArrayList<>();
        try (Lab lab = new Lab(config)) {
            Thread.sleep(config.detection().toMillis() + intervalMs);
            List<String> targets = site != null ? List.of(lab.site(site).name()) : lab.sites().stream().map(LabSite::name).toList();
            Duration budget = budgetMs != null ? Duration.ofMillis(budgetMs) : config.budget();
            Duration sample = Duration.ofMillis(Math.max(50, intervalMs / 4));
            for (String target : targets) {
                var drill = new DrillSpec(target, config.hostname(), lab.failSite(target), lab.observers(), sample,
                        Duration.ofMillis(intervalMs), budget, budget.multipliedBy(3), budget.multipliedBy(3));
                DrillReport report = new Drill(drill, progress).run();
                reports.add(report);
                progress.println("report: " + ReportWriter.write(report, out));
            }
        }
        progress.println();
        reports.forEach(r -> progress.println(r.site() + ": " + r.verdict()));
        progress.flush();
        return reports.stream().allMatch(DrillReport::passed) ? 0 : 1;
    }
}
