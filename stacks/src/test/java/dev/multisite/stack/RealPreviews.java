package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Unknowns;
import dev.multisite.stack.plan.PreviewDocument;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Example plans reshaped into what the real engine produces (pulumi/pulumi pkg/display/json.go,
 * step_generator.go): a first preview, where every input that comes from another resource is not
 * known yet, and a preview of a deployed stack after one change, which lists only that step and
 * the root stack while {@code changeSummary.same} counts the rest.
 */
public final class RealPreviews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealPreviews() {
    }

    /** A first preview: each input with property dependencies is the unknown sentinel. */
    public static PlannedResource firstPreview(PlannedResource r) {
        ObjectNode inputs = r.inputs().deepCopy();
        r.propertyDependencies().forEach((key, from) -> {
            if (!from.isEmpty() && inputs.has(key)) {
                inputs.put(key, Unknowns.SENTINEL);
            }
        });
        return new PlannedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), r.dependencies(),
                r.propertyDependencies(), r.protect(), inputs);
    }

    public static List<PlannedResource> firstPreview(Plan plan) {
        return plan.resources().stream().map(RealPreviews::firstPreview).toList();
    }

    /** The resource as the analyzer's rules see it. */
    public static PolicyResource policyResource(PlannedResource r) {
        return new PolicyResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.providerUrn(), r.dependencies(), r.protect(), r.inputs());
    }

    /** A preview document of the plan, every step's new state passed through {@code change}. */
    public static ObjectNode document(Plan plan, StackFileConfig config, UnaryOperator<PlannedResource> change) {
        var resources = plan.resources().stream().map(change).toList();
        var changed = new Plan(plan.stackName(), resources, plan.outputs());
        return (ObjectNode) JSON.valueToTree(PreviewDocument.of(changed, config.values(), 1_000L));
    }

    /**
     * The preview of the deployed stack after {@code changed} was edited: only the root stack (a
     * same step, always shown) and the changed step (an update, with its old state) are listed.
     */
    public static ObjectNode afterOneChange(ObjectNode full, String changedUrn, UnaryOperator<JsonNode> edit) {
        ObjectNode doc = full.deepCopy();
        var kept = JSON.createArrayNode();
        int total = doc.withArray("steps").size();
        for (JsonNode step : doc.withArray("steps")) {
            String type = step.path("newState").path("type").asText();
            if (type.equals(PolicyResource.ROOT_STACK_TYPE)) {
                ((ObjectNode) step).put("op", "same");
                kept.add(step);
            } else if (step.path("urn").asText().equals(changedUrn)) {
                ObjectNode update = (ObjectNode) step.deepCopy();
                update.put("op", "update");
                update.set("oldState", step.path("newState").deepCopy());
                ((ObjectNode) update.path("newState")).set("inputs", edit.apply(step.path("newState").path("inputs").deepCopy()));
                update.putArray("diffReasons").add("inputs");
                kept.add(update);
            }
        }
        doc.set("steps", kept);
        doc.putObject("changeSummary").put("same", total - 1).put("update", 1);
        return doc;
    }

    /** The stack config of an example stack, as the preview's {@code config} map. */
    public record StackFileConfig(java.util.Map<String, JsonNode> values) {
        public static StackFileConfig of(String stack) {
            return new StackFileConfig(ExampleStacks.read(stack).config());
        }
    }
}
