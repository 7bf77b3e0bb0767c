package dev.multisite.ops.netlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's timeline as SVG, readable without the code: a time axis in seconds (0 = the fault), one
 * lane per step, per resolver flavour and for the writer, a legend for every colour, and marker
 * labels placed in rows so that no two overlap (label widths are estimated from the font size).
 */
final class TimelineSvg {
    static final String GOOD = "#2e7d32";
    static final String BAD = "#c62828";
    static final String STEP = "#1565c0";
    static final String SKIPPED = "#9e9e9e";
    static final String NEW_PRIMARY = "#6a1b9a";
    private static final int WIDTH = 1000;
    private static final int LEFT = 260;
    private static final int RIGHT = 30;
    private static final int LANE = 22;
    private static final double CHAR_WIDTH = 6.2;

    private TimelineSvg() {
    }

    /** A labelled vertical line at a time. */
    record Marker(long atMillis, String label) {
    }

    static String render(FailoverRunReport r) {
        long from = Math.min(-1000, r.samples().stream().mapToLong(s -> s.atMillis() - r.faultAtMillis()).min().orElse(-1000));
        long to = Math.max(r.budgetMillis() + 1000, r.samples().stream().mapToLong(s -> s.atMillis() - r.faultAtMillis()).max().orElse(0));
        double scale = (WIDTH - LEFT - RIGHT) / (double) (to - from);
        List<Marker> markers = new ArrayList<>(List.of(new Marker(0, "fault"), new Marker(r.budgetMillis(), "budget")));
        if (r.detectionMillis() != null) {
            markers.add(new Marker(r.detectionMillis(), "detected"));
        }
        if (r.writesResumedMillis() != null) {
            markers.add(new Marker(r.writesResumedMillis(), "writes resume"));
        }
        List<List<double[]>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int top = 44;
        for (Marker m : markers.stream().sorted(java.util.Comparator.comparingLong(Marker::atMillis)).toList()) {
            double x = LEFT + (m.atMillis() - from) * scale;
            double w = m.label().length() * CHAR_WIDTH + 6;
            int row = 0;
            while (row < rows.size() && rows.get(row).stream().anyMatch(span -> x < span[1] && x + w > span[0])) {
                row++;
            }
            if (row == rows.size()) {
                rows.add(new ArrayList<>());
            }
            rows.get(row).add(new double[]{x, x + w});
            labels.add(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", x + 3, top + 12 + row * 14, escape(m.label())));
        }
        int lanesTop = top + 8 + rows.size() * 14 + 8;
        List<String> lanes = new ArrayList<>();
        r.steps().forEach(s -> lanes.add("step " + s.id()));
        r.flavours().forEach(f -> lanes.add(f.label()));
        lanes.add("writer");
        int axisY = lanesTop + lanes.size() * LANE + 6;
        int legendY = axisY + 34;
        int height = legendY + 40;
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Failover of %s: %s</text>%n",
                escape(r.lostSite()), r.passed() ? "PASS" : "FAIL"));
        out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"34\" font-size=\"11\">%s; budget %s; %d commits lost</text>%n",
                escape(r.fault()), FailoverRunReport.seconds(r.budgetMillis()), r.commitsLost()));
        labels.forEach(l -> out.append(l).append('\n'));
        for (int i = 0; i < lanes.size(); i++) {
            int y = lanesTop + i * LANE;
            out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 14, escape(lanes.get(i))));
        }
        int lane = 0;
        for (StepResult s : r.steps()) {
            int y = lanesTop + lane++ * LANE;
            double x = LEFT + (s.startMillis() - from) * scale;
            double w = Math.max(3, s.tookMillis() * scale);
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s</title></rect>%n",
                    x, y + 2, w, s.skipped() != null ? SKIPPED : s.ok() ? STEP : BAD, escape(s.action() + (s.skipped() != null ? " (skipped: " + s.skipped() + ")" : ""))));
        }
        for (FlavourResult f : r.flavours()) {
            int y = lanesTop + lane++ * LANE;
            for (ResolverSample s : r.samples()) {
                if (s.flavour() != f.flavour()) {
                    continue;
                }
                String colour = !s.ok() ? SKIPPED : s.sites().contains(r.lostSite()) ? BAD : GOOD;
                out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"2\" height=\"16\" fill=\"%s\"/>%n",
                        LEFT + (s.atMillis() - r.faultAtMillis() - from) * scale, y + 2, colour));
            }
        }
        int y = lanesTop + lane * LANE;
        for (CommitWriter.Commit c : r.commits()) {
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"1.5\" height=\"16\" fill=\"%s\"/>%n",
                    LEFT + (c.atMillis() - r.faultAtMillis() - from) * scale, y + 2, c.site().equals(r.newPrimary()) ? NEW_PRIMARY : GOOD));
        }
        for (CommitWriter.Failure f : r.writeFailures()) {
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"1.5\" height=\"16\" fill=\"%s\"/>%n",
                    LEFT + (f.atMillis() - r.faultAtMillis() - from) * scale, y + 2, BAD));
        }
        for (Marker m : markers) {
            double x = LEFT + (m.atMillis() - from) * scale;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>%n",
                    x, top, x, axisY));
        }
        axis(out, from, to, scale, axisY);
        legend(out, legendY);
        out.append("</svg>\n");
        return out.toString();
    }

    private static void axis(StringBuilder out, long from, long to, double scale, int y) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>%n", LEFT, y, WIDTH - RIGHT, y));
        long span = to - from;
        long step = span <= 12_000 ? 1000 : span <= 30_000 ? 2000 : span <= 60_000 ? 5000 : 10_000;
        for (long t = (long) Math.ceil(from / (double) step) * step; t <= to; t += step) {
            double x = LEFT + (t - from) * scale;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>%n", x, y, x, y + 5));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>%n", x, y + 16, t / 1000));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">seconds after the fault</text>%n", WIDTH - RIGHT, y + 30));
    }

    private static void legend(StringBuilder out, int y) {
        String[][] entries = {{GOOD, "answer without the lost site / write acknowledged by the old primary"},
                {BAD, "answer with the lost site / failed write or step"}, {NEW_PRIMARY, "write acknowledged by the new primary"},
                {STEP, "step running"}, {SKIPPED, "skipped step / no answer"}};
        int x = 10;
        int row = 0;
        for (String[] e : entries) {
            int w = (int) (e[1].length() * CHAR_WIDTH) + 30;
            if (x + w > WIDTH - 10) {
                x = 10;
                row++;
            }
            int yy = y + row * 16;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, yy - 10, e[0]));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", x + 16, yy, escape(e[1])));
            x += w;
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
