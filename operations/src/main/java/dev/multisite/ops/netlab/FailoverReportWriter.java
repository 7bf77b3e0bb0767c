package dev.multisite.ops.netlab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a failover run as {@code failover-<site>.md}, {@code .json} and {@code .svg}. */
public final class FailoverReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FailoverReportWriter() {
    }

    public static List<Path> write(FailoverRunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = "failover-" + report.lostSite();
        Path json = dir.resolve(base + ".json");
        Path md = dir.resolve(base + ".md");
        Path svg = dir.resolve(base + ".svg");
        JSON.writeValue(json.toFile(), report);
        Files.writeString(md, markdown(report, svg.getFileName().toString()));
        Files.writeString(svg, TimelineSvg.render(report));
        return List.of(json, md, svg);
    }

    public static FailoverRunReport read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), FailoverRunReport.class);
    }

    static String markdown(FailoverRunReport r, String svgName) {
        var out = new StringBuilder("# Failover of " + r.lostSite() + "\n\n**" + r.verdict() + "**\n\n");
        out.append("- Fault: ").append(r.fault()).append("\n- New primary: ").append(r.newPrimary())
                .append("\n- Budget (detection + propagation + TTL): ").append(s(r.budgetMillis()))
                .append("; RPO: ").append(s(r.rpoMillis())).append("; zone TTL ").append(r.zoneTtlSeconds()).append(" s\n\n");
        out.append("## Steps\n\n| group | step | action | start | took | expected | result |\n|---|---|---|---|---|---|---|\n");
        for (StepResult st : r.steps()) {
            out.append("| ").append(st.group()).append(" | ").append(st.id()).append(" | ").append(st.action()).append(" | ")
                    .append(s(st.startMillis())).append(" | ").append(s(st.tookMillis())).append(" | ").append(s(st.expectedMillis())).append(" | ")
                    .append(st.skipped() != null ? "skipped: " + st.skipped() : st.ok() ? "ok" : "FAILED: " + st.error()).append(" |\n");
        }
        out.append("\n## Per resolver flavour\n\n| resolver | detection | no answer holds the site | budget | longest TTL handed out | failed queries | verdict |\n|---|---|---|---|---|---|---|\n");
        for (FlavourResult f : r.flavours()) {
            out.append("| ").append(f.label()).append(" | ").append(s(f.detectionMillis())).append(" | ")
                    .append(f.convergenceMillis() == null ? "not within the run" : s(f.convergenceMillis())).append(" | ").append(s(r.budgetMillis()))
                    .append(" | ").append(f.maxTtl()).append(" s | ").append(f.errors()).append(" of ").append(f.samples()).append(" | ")
                    .append(f.withinBudget() ? "within budget" : "OVER BUDGET: " + f.why()).append(" |\n");
        }
        out.append("\n## Data tier\n\n| measurement | value |\n|---|---|\n");
        out.append("| detection (the checks took the site out) | ").append(s(r.detectionMillis())).append(" |\n");
        out.append("| writes succeed on the new primary | ").append(s(r.writesResumedMillis())).append(" |\n");
        out.append("| commits acknowledged by the old primary | ").append(r.commitsAcknowledged()).append(" |\n");
        out.append("| commits lost (RPO, counted) | ").append(r.commitsLost()).append(String.format(Locale.ROOT, " (window %s, RPO %s)", s(r.lostWindowMillis()), s(r.rpoMillis()))).append(" |\n");
        out.append("| failed write attempts clients saw | ").append(r.writeErrors()).append(" |\n");
        out.append("\n![timeline](").append(svgName).append(")\n");
        return out.toString();
    }

    private static String s(Long millis) {
        return FailoverRunReport.seconds(millis);
    }
}
