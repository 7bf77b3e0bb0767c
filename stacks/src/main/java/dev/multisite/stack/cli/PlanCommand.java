package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.offline.Plan;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartConfig;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PreviewReader;
import dev.multisite.policy.Report;
import dev.multisite.stack.PartChoice;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.stack.plan.PartPlanner;
import dev.multisite.stack.plan.PlanSummary;
import dev.multisite.stack.plan.PreviewDocument;
import dev.multisite.stack.plan.StackFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code multisite plan}: the offline plan. Parses the stack file, runs the real program under the
 * mock engine, prints the summary and optionally writes a {@code pulumi preview --json} document.
 */
@Command(name = "plan",
        description = {"Plan a stack offline, with no cloud and no credentials.",
                "It runs the real stack program under the Pulumi mock engine and shows every resource it would create.",
                "Without --stack or --stack-file, plans the example 'prod' stack embedded in the jar."},
        exitCodeList = {"0:planned", "1:the program failed under the mock engine", "2:invalid stack file or topology (one line per problem on stderr)"})
final class PlanCommand implements Callable<Integer> {
    /** Planned when neither --stack nor --stack-file is given: the example stack shipped in the jar. */
    static final String EMBEDDED_DEFAULT = "prod";

    @ArgGroup(multiplicity = "0..1")
    StackChoice choice;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the plan as a `pulumi preview --json` document.")
    Path json;

    @Option(names = "--part", paramLabel = "PART",
            description = {"Plan one part of the stack in fleet mode (see `./multisite parts`): its stack references are answered",
                    "with the outputs of its dependencies' own offline plans."})
    String part;

    @Option(names = "--no-policy", description = "Skip the policy checks (`./multisite check` runs them on a plan file).")
    boolean noPolicy;

    @Spec
    CommandSpec spec;

    /**
     * The part to plan: --part, or the stack file's own multisite:part (a part stack's file, as the
     * program itself reads it); null for the whole fleet. One line naming the problem otherwise (exit 2).
     */
    private PartChoice partChoice(StackFile stack) {
        PartChoice inFile;
        try {
            inFile = PartChoice.of(stack.topology(), stack.config());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), stack.path().getFileName() + ": " + e.getMessage());
        }
        if (part == null) {
            return inFile;
        }
        if (!inFile.wholeFleet() && !inFile.part().name().equals(part)) {
            throw new ParameterException(spec.commandLine(), "--part: '" + part + "', but " + stack.path().getFileName()
                    + " is the stack of part '" + inFile.part().name() + "'; plan that part, or give the fleet's stack file");
        }
        try {
            return PartChoice.of(stack.topology(), Optional.of(part), Optional.of(inFile.wholeFleet() ? stack.stackName() : inFile.fleetStack()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().startsWith(PartConfig.PART_KEY + ": ")
                    ? "--part: " + e.getMessage().substring(PartConfig.PART_KEY.length() + 2)
                    : stack.path().getFileName() + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        if (json != null) {
            OutputFiles.checkFile(spec.commandLine(), "--json", json);
        }
        StackFile stack = choice != null ? choice.read() : StackFile.example(EMBEDDED_DEFAULT);
        if (json != null && Files.exists(json) && Files.exists(stack.path()) && Files.isSameFile(json, stack.path())) {
            throw new ParameterException(spec.commandLine(), "--json: " + json + ": is the stack file itself; name another file for the plan");
        }
        Plan plan;
        Map<String, JsonNode> config = stack.config();
        var out = spec.commandLine().getOut();
        PartChoice choice = partChoice(stack);
        if (choice.wholeFleet()) {
            plan = OfflinePlanner.plan(stack.stackName(), stack.topology());
            out.print(PlanSummary.render(plan, stack.topology()));
        } else {
            Part chosen = choice.part();
            plan = PartPlanner.plan(choice.fleetStack(), stack.topology(), List.of(chosen.name())).get(chosen.name());
            config = PartPlanner.partConfig(stack.config(), choice.fleetStack(), chosen.name());
            out.print(PlanSummary.renderPart(plan, chosen));
        }
        var document = PreviewDocument.of(plan, config, System.nanoTime() - start);
        if (!noPolicy) {
            // A part's preview carries multisite:part: stack-wide rules wait for all parts (`check` on every part's plan).
            var report = Report.of(PreviewReader.read(document.toTree()), PolicyConfig.DEFAULTS);
            out.print("\n" + report.text());
        }
        if (json != null) {
            OutputFiles.write(json, document.toJson());
            out.println("\nwrote " + json);
        }
        out.flush();
        return 0;
    }
}
