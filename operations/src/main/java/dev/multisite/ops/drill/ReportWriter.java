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

    /** One lane per observer; green where the sample excluded the drained site (DNS) or succeeded (HTTP). */
    static String svg(DrillReport r) {
        List<String> lanes = new ArrayList<>();
        r.timeline().forEach(o -> {
            if (!lanes.contains(o.observer())) {
                lanes.add(o.observer());
            }
        });
        long last = r.timeline().stream().mapToLong(Observation::atMillis).max().orElse(1);
        double width = 900;
        double left = 140;
        double scale = (width - left - 20) / Math.max(1, last);
        int laneHeight = 24;
        int height = 60 + lanes.size() * laneHeight;
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\">drill %s: %s</text>%n", escape(r.site()), escape(r.verdict())));
        for (int i = 0; i < lanes.size(); i++) {
            int y = 40 + i * laneHeight;
            out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 14, escape(lanes.get(i))));
            for (Observation o : r.timeline()) {
                if (!o.observer().equals(lanes.get(i))) {
                    continue;
                }
                boolean good = o.kind() == Observation.Kind.DNS ? o.ok() && !o.sites().contains(r.site()) : o.ok();
                out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"4\" height=\"18\" fill=\"%s\"><title>%s</title></rect>%n",
                        left + o.atMillis() * scale, y, good ? "#2e7d32" : "#c62828", escape(o.detail())));
            }
        }
        marker(out, "inject", left + r.injectedAtMillis() * scale, height);
        if (r.restoredAtMillis() != null) {
            marker(out, "restore", left + r.restoredAtMillis() * scale, height);
        }
        if (r.convergenceMillis() != null) {
            marker(out, "converged", left + (r.injectedAtMillis() + r.convergenceMillis()) * scale, height);
        }
        marker(out, "budget", left + (r.injectedAtMillis() + r.budgetMillis()) * scale, height);
        out.append("</svg>\n");
        return out.toString();
    }

    private static void marker(StringBuilder out, String label, double x, int height) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"28\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>%n", x, x, height - 4));
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>%n", x + 2, height - 6, label));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
