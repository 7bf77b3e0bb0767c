package dev.multisite.topology;

import java.util.List;

/**
 * The topology is invalid. Each problem is one line of the form
 * {@code <path>: <what is wrong>; <what is allowed>}, e.g.
 * {@code sites[eu-1].mesh.clusterId: 7 is already used by us-1; choose a unique value in 1..255}.
 */
public final class TopologyException extends RuntimeException {
    private final List<String> problems;

    public TopologyException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public TopologyException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
