package dev.multisite.ops.netlab;

import dev.multisite.ops.drill.SvgTimeline;
import dev.multisite.ops.drill.SvgTimeline.LegendEntry;
import dev.multisite.ops.drill.SvgTimeline.Marker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The failover run's timeline as SVG: 0 is the fault; one lane per step, per resolver flavour and
 * for the writer; axis, legend and non-overlapping labels from {@link SvgTimeline}.
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
    private static final List<LegendEntry> LEGEND = List.of(
            new LegendEntry(GOOD, "answer without the lost site / write acknowledged by the old primary"),
            new LegendEntry(BAD, "answer with the lost site / failed write or step"),
            new LegendEntry(NEW_PRIMARY, "write acknowledged by the new primary"),
            new LegendEntry(STEP, "step running"), new LegendEntry(SKIPPED, "skipped step / no answer"));

    private TimelineSvg() {
    }

    static String render(FailoverRunReport r) {
        long from = Math.min(-1000, r.samples().stream().mapToLong(s -> s.atMillis() - r.faultAtMillis()).min().orElse(-1000));
        long to = Math.max(r.budgetMillis() + 1000, r.samples().stream().mapToLong(s -> s.atMillis() - r.faultAtMillis()).max().orElse(0));
        double scale = (WIDTH - LEFT - RIGHT) / (double) (to - from);
        List<Marker> markers = new ArrayList<>(List.of(new Marker(x(0, from, scale), "fault"), new Marker(x(r.budgetMillis(), from, scale), "budget")));
        if (r.detectionMillis() != null) {
            markers.add(new Marker(x(r.detectionMillis(), from, scale), "detected"));
        }
        if (r.writesResumedMillis() != null) {
            markers.add(new Marker(x(r.writesResumedMillis(), from, scale), "writes resume"));
        }
        int top = 44;
        var labels = new StringBuilder();
        int rows = SvgTimeline.labels(labels, markers, top);
        int lanesTop = top + 8 + rows * 14 + 8;
        List<String> lanes = new ArrayList<>();
        r.steps().forEach(s -> lanes.add("step " + s.id()));
        r.flavours().forEach(f -> lanes.add(f.label()));
        lanes.add("writer");
        int axisY = lanesTop + lanes.size() * LANE + 6;
        int legendY = axisY + 48;
        var body = new StringBuilder();
        body.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Failover of %s: %s</text>%n",
                SvgTimeline.escape(r.lostSite()), r.passed() ? "PASS" : "FAIL"));
        body.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"34\" font-size=\"11\">%s; budget %s; %d commits lost</text>%n",
                SvgTimeline.escape(r.fault()), FailoverRunReport.seconds(r.budgetMillis()), r.commitsLost()));
        body.append(labels);
        for (int i = 0; i < lanes.size(); i++) {
            body.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", lanesTop + i * LANE + 14, SvgTimeline.escape(lanes.get(i))));
        }
        int lane = 0;
        for (StepResult s : r.steps()) {
            int y = lanesTop + lane++ * LANE;
            body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s</title></rect>%n",
                    x(s.startMillis(), from, scale), y + 2, Math.max(3, s.tookMillis() * scale), s.skipped() != null ? SKIPPED : s.ok() ? STEP : BAD,
                    SvgTimeline.escape(s.action() + (s.skipped() != null ? " (skipped: " + s.skipped() + ")" : ""))));
        }
        for (FlavourResult f : r.flavours()) {
            int y = lanesTop + lane++ * LANE;
            r.samples().stream().filter(s -> s.flavour() == f.flavour()).forEach(s -> tick(body, x(s.atMillis() - r.faultAtMillis(), from, scale), y, 2,
                    !s.ok() ? SKIPPED : s.sites().contains(r.lostSite()) ? BAD : GOOD));
        }
        int y = lanesTop + lane * LANE;
        r.commits().forEach(c -> tick(body, x(c.atMillis() - r.faultAtMillis(), from, scale), y, 1.5, c.site().equals(r.newPrimary()) ? NEW_PRIMARY : GOOD));
        r.writeFailures().forEach(f -> tick(body, x(f.atMillis() - r.faultAtMillis(), from, scale), y, 1.5, BAD));
        SvgTimeline.lines(body, markers, top, axisY);
        SvgTimeline.axis(body, from, to, LEFT, scale, WIDTH - RIGHT, axisY, "seconds after the fault");
        int legendRows = SvgTimeline.legend(body, LEGEND, legendY, WIDTH);
        int height = legendY + legendRows * 16 + 10;
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, height) + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
    }

    private static double x(long millisAfterFault, long from, double scale) {
        return LEFT + (millisAfterFault - from) * scale;
    }

    private static void tick(StringBuilder out, double x, int y, double width, String colour) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>%n", x, y + 2, width, colour));
    }
}
