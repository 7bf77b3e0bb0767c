package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.stack.cli.MultisiteCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The user CI workflows parse, have their jobs, and every `./multisite` call in them is a valid command line. */
class WorkflowsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode workflow(String name) throws Exception {
        return YAML.readTree(Path.of("..", ".github", "workflows", name).toFile());
    }

    private static List<String> runLines(JsonNode workflow) {
        List<String> lines = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> step.path("run").asText("").lines()
                .map(String::trim).filter(l -> l.startsWith("./multisite ")).forEach(lines::add)));
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull-request.yml", "main.yml", "drill.yml"})
    void everyMultisiteCallParsesWithTheRealCli(String name) throws Exception {
        JsonNode workflow = workflow(name);
        assertThat(workflow.path("jobs").size()).isPositive();
        for (String line : runLines(workflow)) {
            // Expressions get values a run would give them (the workflow inputs' own choices).
            String command = line.replace("${{ inputs.injector }}", "route53").replace("${{ matrix.stack }}", "prod")
                    .replace("${{ inputs.stack }}", "prod").replaceAll("\\$\\{\\{[^}]*}}", "x").replaceAll("\\|.*$", "").trim();
            String[] args = Arrays.copyOfRange(command.split("\\s+"), 1, command.split("\\s+").length);
            var cli = MultisiteCli.commandLine();
            assertThat(catchParse(cli, args)).as("%s: %s", name, line).isNull();
        }
    }

    private static Exception catchParse(CommandLine cli, String[] args) {
        try {
            cli.parseArgs(args);
            return null;
        } catch (CommandLine.ParameterException e) {
            return e;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull-request.yml"})
    void thePullRequestWorkflowRunsTestsPlanAndTheGateOnEveryStack(String name) throws Exception {
        JsonNode workflow = workflow(name);
        assertThat(workflow.path("on").has("pull_request")).isTrue();
        assertThat(workflow.path("jobs").path("preview").path("strategy").path("matrix").path("stack"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(ExampleStacks.NAMES);
        assertThat(runLines(workflow)).anyMatch(l -> l.startsWith("./multisite plan")).anyMatch(l -> l.startsWith("./multisite check"));
        assertThat(workflow.toString()).contains("mvn -B -ntp test", "pulumi preview", "pulumi/actions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.yml"})
    void mainDeploysWithThePolicyPack(String name) throws Exception {
        assertThat(workflow(name).toString()).contains("--policy-pack policies", "pulumi up");
    }
}
