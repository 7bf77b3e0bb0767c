package dev.multisite.policy.rules;

import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.StackView;

import java.util.List;

import static dev.multisite.catalog.ResourceTypes.HELM_RELEASE;

/** The planned Helm releases of one chart, the way every rule about a chart's values finds them. */
final class HelmReleases {
    private HelmReleases() {
    }

    /** The stack's releases of {@code chart} (its {@code chart} input), in plan order. */
    static List<PolicyResource> of(StackView stack, String chart) {
        return stack.ofType(HELM_RELEASE).stream().filter(r -> r.input("chart").asText().equals(chart)).toList();
    }
}
