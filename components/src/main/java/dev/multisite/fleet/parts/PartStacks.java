package dev.multisite.fleet.parts;

import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import dev.multisite.parts.Part;

import java.util.HashMap;
import java.util.Map;

/**
 * The stack references of a part to the parts it depends on, one per referenced part. A part's
 * stack is {@code <organization>/<project>/<fleet stack>-<part>}: the fully qualified name works
 * with Pulumi Cloud and with self-managed backends alike (the builtin provider reads it:
 * readStackReference in pulumi/pulumi pkg/resource/deploy/builtins.go).
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
        return references.computeIfAbsent(part, p -> new StackFacts(p,
                new StackReference("part-" + p, StackReferenceArgs.builder().name(stackOf(p)).build())));
    }
}
