package dev.multisite.ops.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The parts every timeline SVG shares, so that each is readable without the code: a time axis in
 * seconds, a legend for every colour, and marker labels placed in rows so no two overlap (widths
 * estimated from the font size).
 */
public final class SvgTimeline {
    private static final double CHAR_WIDTH = 6.2;

    private SvgTimeline() {
    }

    /** A labelled vertical line at an x position. */
    public record Marker(double x, String label) {
    }

    /** A colour and what it means. */
    public record LegendEntry(String colour, String meaning) {
    }

    /**
     * Writes the marker labels from {@code top} down, each in the first row where it overlaps no other,
     * and returns the number of rows used.
     */
    public static int labels(StringBuilder out, List<Marker> markers, int top) {
        List<List<double[]>> rows = new ArrayList<>();
        for (Marker m : markers.stream().sorted(Comparator.comparingDouble(Marker::x)).toList()) {
            double w = m.label().length() * CHAR_WIDTH + 6;
            int row = 0;
            while (row < rows.size() && rows.get(row).stream().anyMatch(span -> m.x() < span[1] && m.x() + w > span[0])) {
                row++;
            }
            if (row == rows.size()) {
                rows.add(new ArrayList<>());
            }
            rows.get(row).add(new double[]{m.x(), m.x() + w});
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>%n", m.x() + 3, top + 12 + row * 14, escape(m.label())));
        }
        return rows.size();
    }

    /** Dashed vertical lines for the markers between two heights. */
    public static void lines(StringBuilder out, List<Marker> markers, int from, int to) {
        markers.forEach(m -> out.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>%n", m.x(), from, m.x(), to)));
    }

    /** A time axis from {@code fromMillis} to {@code toMillis}, ticks in whole seconds, with its unit. */
    public static void axis(StringBuilder out, long fromMillis, long toMillis, double left, double scale, double right, int y, String unit) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>%n", left, y, right, y));
        long span = toMillis - fromMillis;
        long step = span <= 12_000 ? 1000 : span <= 30_000 ? 2000 : span <= 60_000 ? 5000 : span <= 300_000 ? 30_000 : 60_000;
        for (long t = (long) Math.ceil(fromMillis / (double) step) * step; t <= toMillis; t += step) {
            double x = left + (t - fromMillis) * scale;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>%n", x, y, x, y + 5));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>%n", x, y + 16, t / 1000));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>%n", right, y + 30, escape(unit)));
    }

    /** The legend, wrapped within {@code width}; returns the number of rows. */
    public static int legend(StringBuilder out, List<LegendEntry> entries, int y, int width) {
        int x = 10;
        int row = 0;
        for (LegendEntry e : entries) {
            int w = (int) (e.meaning().length() * CHAR_WIDTH) + 30;
            if (x + w > width - 10 && x > 10) {
                x = 10;
                row++;
            }
            int yy = y + row * 16;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, yy - 10, e.colour()));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", x + 16, yy, escape(e.meaning())));
            x += w;
        }
        return row + 1;
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
