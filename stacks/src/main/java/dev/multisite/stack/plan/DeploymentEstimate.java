package dev.multisite.stack.plan;

import dev.multisite.offline.CreationTimes;
import dev.multisite.offline.CriticalPath;
import dev.multisite.offline.Plan;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.topology.Topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a first deployment takes, estimated from offline plans and typical creation times
 * ({@link CreationTimes}): as one stack (its critical path), and as parts (a part starts when every
 * part it depends on has finished, and takes its own critical path), so the split's cost is seen.
 *
 * @param oneStack the one-stack plan's critical path
 * @param parts    per part, its own critical path and when it finishes, in deploy order
 */
public record DeploymentEstimate(CriticalPath.Result oneStack, Map<String, PartTime> parts) {

    /** One part's own critical path and the time (from the start of the deployment) it finishes. */
    public record PartTime(CriticalPath.Result own, long startSeconds, long finishSeconds) {
    }

    public static DeploymentEstimate of(String stack, Topology topology) {
        CreationTimes times = CreationTimes.typical();
        CriticalPath.Result one = CriticalPath.of(OfflinePlanner.plan(stack, topology), times);
        Map<String, Plan> plans = PartPlanner.planAll(stack, topology);
        Map<String, PartTime> parts = new LinkedHashMap<>();
        for (Part part : PartGraph.of(topology).parts()) {
            long start = part.dependsOn().stream().mapToLong(d -> parts.get(d).finishSeconds()).max().orElse(0);
            var own = CriticalPath.of(plans.get(part.name()), times);
            parts.put(part.name(), new PartTime(own, start, start + own.totalSeconds()));
        }
        return new DeploymentEstimate(one, parts);
    }

    /** When the last part finishes. */
    public long partsSeconds() {
        return parts.values().stream().mapToLong(PartTime::finishSeconds).max().orElse(0);
    }

    /** The parts' estimate over the one stack's. */
    public double ratio() {
        return oneStack.totalSeconds() == 0 ? 1 : (double) partsSeconds() / oneStack.totalSeconds();
    }

    /** The estimate for people: both totals, the ratio, the slowest chain of each, and the parts on the critical path. */
    public String render() {
        var out = new StringBuilder();
        out.append(String.format("one stack: %.1f min%n", oneStack.totalSeconds() / 60.0));
        out.append(String.format("parts:     %.1f min (%.2fx the one stack)%n", partsSeconds() / 60.0, ratio()));
        out.append("\nslowest chain of the one stack: ").append(oneStack.render()).append('\n');
        out.append("parts (start -> finish, own critical path):\n");
        parts.forEach((name, time) -> out.append(String.format("  %-28s %6.1f -> %6.1f min  (%s)%n", name, time.startSeconds() / 60.0,
                time.finishSeconds() / 60.0, time.own().chain().isEmpty() ? "nothing" : time.own().chain().get(time.own().chain().size() - 1).name())));
        return out.toString();
    }
}
