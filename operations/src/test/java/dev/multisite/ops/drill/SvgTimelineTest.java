package dev.multisite.ops.drill;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SvgTimelineTest {
    private static final Pattern LABEL = Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9]+)\" font-size=\"11\">([a-z ]+)</text>");

    /** Each placed label as {x, y, width}, the width estimated the way the placement does. */
    private static List<double[]> placed(String svg, Set<String> names) {
        List<double[]> out = new ArrayList<>();
        var m = LABEL.matcher(svg);
        while (m.find()) {
            if (names.contains(m.group(3))) {
                out.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), m.group(3).length() * 6.2});
            }
        }
        return out;
    }

    @Test
    void markerLabelsAtTheSameMomentGoToSeparateRows() {
        var out = new StringBuilder();
        int rows = SvgTimeline.labels(out, List.of(new SvgTimeline.Marker(300, "restore"), new SvgTimeline.Marker(302, "converged"),
                new SvgTimeline.Marker(600, "budget")), 20);
        assertThat(rows).isEqualTo(2);
        var labels = placed(out.toString(), Set.of("restore", "converged", "budget"));
        assertThat(labels).hasSize(3);
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                double[] a = labels.get(i);
                double[] b = labels.get(j);
                boolean overlap = a[1] == b[1] && a[0] < b[0] + b[2] && b[0] < a[0] + a[2];
                assertThat(overlap).as("labels %s and %s overlap", i, j).isFalse();
            }
        }
    }

    @Test
    void theDrillTimelineHasAnAxisInSecondsALegendAndRestoreApartFromConverged() {
        var timeline = List.of(new Observation(0, "dns-1", Observation.Kind.DNS, Set.of("lab-1", "lab-2"), true, "both"),
                new Observation(1500, "dns-1", Observation.Kind.DNS, Set.of("lab-2"), true, "lab-2"),
                new Observation(4000, "dns-1", Observation.Kind.DNS, Set.of("lab-1", "lab-2"), true, "both"));
        // Converged at 1500 ms (500 + 1000) and restored at 1510 ms: the labels used to be printed over each other.
        var report = new DrillReport("lab-1", "app.lab.test", "fail lab-1", 3000, 500, 1510L, true, null, 1000L, 1000L, 1000L,
                0, 0, 0, 1500L, true, timeline);
        String svg = ReportWriter.svg(report);
        assertThat(svg).contains("seconds since the drill started", "DNS answer without lab-1 / request succeeded", ">0</text>", ">3</text>");
        var labels = placed(svg, Set.of("restore", "converged"));
        assertThat(labels).hasSize(2);
        assertThat(labels.get(0)[1]).isNotEqualTo(labels.get(1)[1]);
    }
}
