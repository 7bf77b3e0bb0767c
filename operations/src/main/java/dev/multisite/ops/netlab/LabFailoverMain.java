package dev.multisite.ops.netlab;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Starts the standard lab and fails one site over, in a process of its own: what
 * {@code ./multisite failover run --lab} does, small enough for the teardown test to interrupt at
 * any moment. Arguments: site, report directory. Exit 0 passed, 1 failed, 2 the machine lacks something.
 */
public final class LabFailoverMain {
    private LabFailoverMain() {
    }

    public static void main(String[] args) throws Exception {
        var out = new PrintWriter(System.out, true);
        var missing = LabRequirements.missing();
        if (missing.isPresent()) {
            System.err.println("error: " + missing.get());
            System.exit(2);
        }
        try (var lab = NetLab.start(NetLabConfig.standard(), out)) {
            var report = new LabFailoverRun(lab, args[0], LabFailoverRun.Fault.CUT_LINK).run();
            FailoverReportWriter.write(report, Path.of(args[1]));
            out.println(report.verdict());
            System.exit(report.passed() ? 0 : 1);
        }
    }
}
