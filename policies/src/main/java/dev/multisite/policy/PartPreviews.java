package dev.multisite.policy;

import dev.multisite.parts.Part;
import dev.multisite.parts.PartConfig;
import dev.multisite.policy.PreviewReader.InvalidPreviewException;
import dev.multisite.policy.PreviewReader.Preview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several part previews checked as one fleet ({@code check a.json b.json ...}): they must be parts
 * of the same fleet stack, told by the stack names themselves (each part's
 * {@value PartConfig#FLEET_STACK_KEY} and the stack in its URNs, {@code <fleet stack>-<part>}), not
 * only by equal topologies: two fleets may share one topology. Every refusal names the files.
 */
public final class PartPreviews {
    private PartPreviews() {
    }

    public static StackView union(List<Preview> previews) {
        Preview first = previews.get(0);
        Map<String, Preview> byPart = new HashMap<>();
        List<StackView> views = new ArrayList<>();
        for (Preview preview : previews) {
            String file = preview.file().toString();
            StackView view = preview.view();
            if (view.part() == null) {
                throw new InvalidPreviewException(file + ": a preview of a whole stack (no " + PartConfig.PART_KEY
                        + " in its config) cannot be checked with other previews; give one whole-stack preview, or every part's");
            }
            String part = view.part().substring(StackView.PART.length());
            if (preview.fleetStack() == null) {
                throw new InvalidPreviewException(file + ": its config sets " + PartConfig.PART_KEY + " but not " + PartConfig.FLEET_STACK_KEY
                        + ", so its fleet is unknown; preview the part stack as `fleet preview` or `plan --part` sets it up");
            }
            if (!preview.fleetStack().equals(first.fleetStack())) {
                throw new InvalidPreviewException(file + ": a part of fleet stack '" + preview.fleetStack() + "', but " + first.file()
                        + " is of '" + first.fleetStack() + "'; check the parts of one fleet together");
            }
            String expected = Part.stackName(preview.fleetStack(), part);
            if (preview.urnStack() != null && !preview.urnStack().equals(expected)) {
                throw new InvalidPreviewException(file + ": its resources are in stack '" + preview.urnStack() + "', but part " + part
                        + " of fleet " + preview.fleetStack() + " is stack '" + expected + "'");
            }
            Preview twice = byPart.put(part, preview);
            if (twice != null) {
                throw new InvalidPreviewException(file + ": part " + part + " is given twice (also " + twice.file() + ")");
            }
            if (!view.topology().equals(first.view().topology())) {
                throw new InvalidPreviewException(file + ": its multisite:topology differs from " + first.file()
                        + "'s; the parts of one fleet share one topology");
            }
            views.add(view);
        }
        return StackView.union(views);
    }
}
