package dev.multisite.stack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.multisite.ops.drill.StackOutputs;
import dev.multisite.ops.netlab.LabRequirements;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.InputFiles;
import dev.multisite.topology.TopologyException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * The options {@code drill} and {@code failover run} share, as a picocli mixin: run in the lab of
 * real components ({@code --lab}), or against a deployed stack ({@code --stack}, with its
 * {@code --outputs}); and the checks both make of them before anything starts.
 */
final class LabOrStackOptions {
    private static final ObjectMapper OUTPUTS_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Option(names = "--lab", description = "Run in the local lab of real components instead of against a deployed stack.")
    boolean lab;

    @Option(names = "--stack", paramLabel = "NAME",
            description = "The deployed stack (reads stacks/Pulumi.<NAME>.yaml): a cloud drill, or a dry run of its failover plan.")
    String stack;

    @Option(names = "--outputs", paramLabel = "FILE",
            description = "With --stack: `pulumi stack output --json` of that stack (a cloud drill needs it; a failover dry run "
                    + "then shows the SDK requests, Route 53 and RDS).")
    Path outputs;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Exactly one of --lab and --stack; {@code stackRun} says what a stack run takes besides, for the error line. */
    void requireOne(String stackRun) {
        if (lab == (stack != null)) {
            throw new ParameterException(command.commandLine(), "choose one: --lab, or " + stackRun);
        }
    }

    /** A machine that cannot run the lab is a bad invocation, said in one line before anything starts. */
    void requireLab() {
        var missing = LabRequirements.missing();
        if (missing.isPresent()) {
            throw new ParameterException(command.commandLine(), missing.get());
        }
    }

    StackFile stackFile() {
        return StackChoice.named(stack);
    }

    /** The --outputs file: bounded, UTF-8, one JSON object, read strictly like every other input. */
    StackOutputs stackOutputs() {
        String text = InputFiles.readText(outputs, "stack outputs file");
        try {
            JsonNode node = OUTPUTS_JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new TopologyException(outputs + ": expected a JSON object from `pulumi stack output --json`");
            }
            return new StackOutputs(node);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new TopologyException(outputs + (loc == null ? "" : ": line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": not valid JSON; write the output of `pulumi stack output --json`");
        }
    }
}
