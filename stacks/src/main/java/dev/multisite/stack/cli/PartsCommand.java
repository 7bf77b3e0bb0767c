package dev.multisite.stack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.plan.DeploymentEstimate;
import dev.multisite.stack.plan.StackFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code multisite parts}: the parts of a fleet-mode stack, in a valid deploy order. */
@Command(name = "parts",
        description = {"List the parts of a fleet-mode stack in a valid deploy order.",
                "Each part is one Pulumi stack, <stack>-<part>, joined to the others by stack references and listed after",
                "every part it depends on; its config is the stack's plus multisite:part and multisite:fleetStack.",
                "Without --stack or --stack-file, lists the parts of the example 'prod' stack."},
        exitCodeList = {"0:listed", "2:invalid stack file or topology (one line per problem on stderr)"})
final class PartsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ArgGroup(multiplicity = "0..1")
    StackChoice choice;

    @Option(names = "--json", description = "Print [{\"name\": ..., \"dependsOn\": [...]}] instead of one name per line.")
    boolean json;

    @Option(names = "--estimate", description = {"Also estimate a first deployment from the offline plans and typical creation times:",
            "as one stack, and as parts deployed in graph order (each part after all it depends on)."})
    boolean estimate;

    @Spec
    CommandSpec spec;

    /** One part as {@code --json} prints it. */
    record PartEntry(String name, List<String> dependsOn) {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (json && estimate) {
            // --json output must parse as JSON; the estimate is a text table.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--estimate: cannot be combined with --json (the estimate is a text table); run them separately");
        }
        StackFile stack = choice != null ? choice.read() : StackFile.example(PlanCommand.EMBEDDED_DEFAULT);
        List<Part> parts = PartGraph.of(stack.topology()).parts();
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(parts.stream().map(p -> new PartEntry(p.name(), p.dependsOn())).toList()));
        } else {
            parts.forEach(p -> out.println(p.name()));
        }
        if (estimate) {
            out.print("\n" + DeploymentEstimate.of(stack.stackName(), stack.topology()).render());
        }
        out.flush();
        return 0;
    }
}
