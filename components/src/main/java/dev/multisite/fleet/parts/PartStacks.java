package dev.multisite.fleet.parts;

import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import dev.multisite.parts.Part;

import java.util.HashMap;
import java.util.Map;

/**
 * The stack references of a part to the parts it depends on, one per referenced part. A part's
 * stack is {@code <organization>/<project>/<fleet stack>-<part>}, the builtin provider reads it
 * (readStackReference in pulumi/pulumi pkg/resource/deploy/builtins.go). The fully qualified form
 * works with Pulumi Cloud and with project-scoped self-managed backends, whose organization is
 * always {@code organization} (what the SDK reports when the engine names none); legacy
 * self-managed backends, not project-scoped, do not take it (Automation API fullyQualifiedStackName,
 * https://www.pulumi.com/docs/reference/pkg/nodejs/pulumi/pulumi/functions/automation.fullyQualifiedStackName.html).
 */
public final class PartStacks {
    private final String organization;
    private final String project;
    private final String fleetStack;
    private final Map<String, StackFacts> references = new HashMap<>();

    public PartStacks(String organization, String project, String fleetStack) {
        this.organization = organization;
        this.project = project;
        this.fleetStack = fleetStack;
    }

    /** The fully qualified stack name of {@code part}. */
    public String stackOf(String part) {
        return organization + "/" + project + "/" + Part.stackName(fleetStack, part);
    }

    /** The outputs of {@code part}'s stack, through one stack reference per part. */
    public StackFacts of(String part) {
        return references.computeIfAbsent(part, p -> new StackFacts(
                new StackReference("part-" + p, StackReferenceArgs.builder().name(stackOf(p)).build())));
    }
}
