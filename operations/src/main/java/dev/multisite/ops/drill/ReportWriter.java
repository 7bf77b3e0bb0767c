package dev.multisite.ops.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a drill report as {@code drill-<site>.json}, {@code .md} and an SVG timeline. */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes the three files and returns their paths (json, md, svg). */
    public static List<Path> write(DrillReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("drill-" + report.site() + ".json");
        Path md = dir.resolve("drill-" + report.site() + ".md");
        Path svg = dir.resolve("drill-" + report.site() + ".svg");
        JSON.writeValue(json.toFile(), report);
        Files.writeString(md, markdown(report, svg.getFileName().toString()));
        Files.writeString(svg, svg(report));
        return List.of(json, md, svg);
    }

    public static DrillReport read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), DrillReport.class);
    }

    static String markdown(DrillReport r, String svgName) {
        var out = new StringBuilder();
        out.append("# Failover drill: ").append(r.site()).append("\n\n");
        out.append("**").append(r.verdict()).append("**\n\n");
        out.append("- Global hostname: `").append(r.hostname()).append("`\n");
        out.append("- Injection: ").append(r.injection()).append("\n");
        out.append("- Failover budget: ").append(DrillReport.seconds(r.budgetMillis())).append("\n\n");
        out.append("| measurement | value |\n|---|---|\n");
        row(out, "time to detection (first resolver without the site)", DrillReport.seconds(r.detectionMillis()));
        row(out, "time until no resolver returns the site", DrillReport.seconds(r.convergenceMillis()));
        row(out, "time to first success on a survivor", DrillReport.seconds(r.firstSurvivorSuccessMillis()));
        row(out, "client error rate during the window", String.format(Locale.ROOT, "%.1f %% of %d requests",
                r.clientErrorRate() * 100, r.requestsInWindow()));
        row(out, "error rate on survivors during the window", String.format(Locale.ROOT, "%.1f %%", r.survivorErrorRate() * 100));
        row(out, "time to recovery after restore", DrillReport.seconds(r.recoveryMillis()));
        row(out, "restored", r.restored() ? "yes" : "NO: " + r.restoreError());
        out.append("\n![timeline](").append(svgName).append(")\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static final String GOOD = "#2e7d32";
    private static final String BAD = "#c62828";

    /**
     * One lane per observer; green where the sample excluded the drained site (DNS) or succeeded (HTTP).
     * Time axis in seconds since the drill started, a legend, and marker labels that never overlap
     * (restore and converged used to be printed on top of each other).
     */
    static String svg(DrillReport r) {
        List<String> lanes = new ArrayList<>();
        r.timeline().forEach(o -> {
            if (!lanes.contains(o.observer())) {
                lanes.add(o.observer());
            }
        });
        long last = Math.max(r.injectedAtMillis() + r.budgetMillis(), r.timeline().stream().mapToLong(Observation::atMillis).max().orElse(1));
        int width = 900;
        int left = 140;
        int right = width - 20;
        double scale = (right - left) / (double) Math.max(1, last);
        int laneHeight = 24;
        List<SvgTimeline.Marker> markers = new ArrayList<>();
        markers.add(new SvgTimeline.Marker(left + r.injectedAtMillis() * scale, "inject"));
        if (r.restoredAtMillis() != null) {
            markers.add(new SvgTimeline.Marker(left + r.restoredAtMillis() * scale, "restore"));
        }
        if (r.convergenceMillis() != null) {
            markers.add(new SvgTimeline.Marker(left + (r.injectedAtMillis() + r.convergenceMillis()) * scale, "converged"));
        }
        markers.add(new SvgTimeline.Marker(left + (r.injectedAtMillis() + r.budgetMillis()) * scale, "budget"));
        var body = new StringBuilder();
        body.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\">drill %s: %s</text>%n", escape(r.site()), escape(r.verdict())));
        int top = 26;
        int rows = SvgTimeline.labels(body, markers, top);
        int lanesTop = top + rows * 14 + 12;
        for (int i = 0; i < lanes.size(); i++) {
            int y = lanesTop + i * laneHeight;
            body.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 14, escape(lanes.get(i))));
            for (Observation o : r.timeline()) {
                if (!o.observer().equals(lanes.get(i))) {
                    continue;
                }
                boolean good = o.kind() == Observation.Kind.DNS ? o.ok() && !o.sites().contains(r.site()) : o.ok();
                body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"4\" height=\"18\" fill=\"%s\"><title>%s</title></rect>%n",
                        left + o.atMillis() * scale, y, good ? GOOD : BAD, escape(o.detail())));
            }
        }
        int axisY = lanesTop + lanes.size() * laneHeight + 6;
        SvgTimeline.lines(body, markers, top, axisY);
        SvgTimeline.axis(body, 0, last, left, scale, right, axisY, "seconds since the drill started");
        int legendY = axisY + 48;
        int legendRows = SvgTimeline.legend(body, List.of(
                new SvgTimeline.LegendEntry(GOOD, "DNS answer without " + r.site() + " / request succeeded"),
                new SvgTimeline.LegendEntry(BAD, "DNS answer with " + r.site() + " / request failed")), legendY, width);
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, legendY + legendRows * 16 + 10) + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
    }

    private static String escape(String text) {
        return SvgTimeline.escape(text);
    }
}
