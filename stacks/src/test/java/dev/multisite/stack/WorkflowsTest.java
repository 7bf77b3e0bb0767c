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
        assertThat(workflow.toString()).contains("pulumi preview", "pulumi/actions");
        // The tests run as CI runs them: .ci/run (the README's test command with the toolchain and the lab), as root.
        List<String> testRuns = new ArrayList<>();
        workflow.path("jobs").path("test").path("steps").forEach(step -> testRuns.add(step.path("run").asText("").trim()));
        assertThat(testRuns).anyMatch(l -> l.startsWith("sudo ") && l.endsWith(" .ci/run"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.yml"})
    void mainDeploysWithThePolicyPack(String name) throws Exception {
        assertThat(workflow(name).toString()).contains("--policy-pack policies", "pulumi up");
    }

    private static JsonNode credentialsAction() throws Exception {
        return YAML.readTree(Path.of("..", ".github", "actions", "cloud-credentials", "action.yml").toFile());
    }

    /** Every step that runs pulumi against a real stack comes after the OIDC credential step. */
    @ParameterizedTest
    @ValueSource(strings = {"pull-request.yml", "main.yml", "drill.yml"})
    void realPulumiRunsGetOidcCredentialsFirst(String name) throws Exception {
        JsonNode workflow = workflow(name);
        assertThat(workflow.path("permissions").path("id-token").asText()).isEqualTo("write");
        workflow.path("jobs").forEach(job -> {
            int credentials = -1;
            int index = 0;
            for (JsonNode step : job.path("steps")) {
                if (step.path("uses").asText().equals("./.github/actions/cloud-credentials")) {
                    credentials = index;
                }
                if (step.path("run").asText().matches("(?s).*pulumi (preview|up|stack output).*")) {
                    assertThat(credentials).as("%s: '%s' runs before the credential step", name, step.path("name").asText()).isBetween(0, index);
                }
                index++;
            }
        });
    }

    /** actionlint cannot read a local action: its inputs are checked here against action.yml. */
    @ParameterizedTest
    @ValueSource(strings = {"pull-request.yml", "main.yml", "drill.yml"})
    void theCredentialActionGetsOnlyItsDeclaredInputs(String name) throws Exception {
        JsonNode inputs = credentialsAction().path("inputs");
        workflow(name).path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            if (step.path("uses").asText().equals("./.github/actions/cloud-credentials")) {
                step.path("with").fieldNames().forEachRemaining(key -> assertThat(inputs.has(key)).as("%s: input %s", name, key).isTrue());
                inputs.properties().stream().filter(i -> i.getValue().path("required").asBoolean())
                        .forEach(i -> assertThat(step.path("with").has(i.getKey())).as("%s: required input %s", name, i.getKey()).isTrue());
                assertThat(step.path("with").path("aws-role-arn").asText()).isEqualTo("${{ vars.AWS_ROLE_ARN }}");
            }
        }));
    }

    @org.junit.jupiter.api.Test
    void theCredentialActionUsesOidcForEveryCloudAndKeepsSecretsOffCommandLines() throws Exception {
        JsonNode action = credentialsAction();
        List<String> uses = new ArrayList<>();
        action.path("runs").path("steps").forEach(step -> uses.add(step.path("uses").asText()));
        assertThat(uses).contains("aws-actions/configure-aws-credentials@v4", "google-github-actions/auth@v2", "azure/login@v2",
                "google-github-actions/setup-gcloud@v2", "azure/use-kubelogin@v1");
        String text = action.toString();
        assertThat(text).contains("role-to-assume", "workload_identity_provider", "ARM_USE_OIDC=true")
                .doesNotContain("client-secret", "aws-secret-access-key", "credentials_json");
        assertThat(text).contains("pulumi config set --secret --stack");
    }

    /** The gate judges a preview that lists every resource, and the engine runs the pack too. */
    @org.junit.jupiter.api.Test
    void realPreviewsShowSamesAndRunThePolicyPack() throws Exception {
        for (String name : List.of("pull-request.yml", "main.yml")) {
            List<String> previews = new ArrayList<>();
            workflow(name).path("jobs").forEach(job -> job.path("steps").forEach(step -> step.path("run").asText("").lines()
                    .filter(l -> l.trim().startsWith("pulumi preview")).forEach(previews::add)));
            assertThat(previews).as(name).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).contains("--show-sames", "--json", "--policy-pack policies"));
        }
    }

    /** The project file tells the engine where the pack's launcher is (plugins.analyzers). */
    @org.junit.jupiter.api.Test
    void theProjectDeclaresTheAnalyzerPluginTheEngineLooksFor() throws Exception {
        JsonNode project = YAML.readTree(Path.of("..", "Pulumi.yaml").toFile());
        JsonNode pack = YAML.readTree(Path.of("..", "policies", "PulumiPolicy.yaml").toFile());
        // No language host named after the runtime: the engine wants pulumi-analyzer-policy-<runtime>.
        String pluginName = "policy-" + pack.path("runtime").asText();
        JsonNode entry = null;
        for (JsonNode analyzer : project.path("plugins").path("analyzers")) {
            if (analyzer.path("name").asText().equals(pluginName)) {
                entry = analyzer;
            }
        }
        assertThat(entry).as("plugins.analyzers entry %s", pluginName).isNotNull();
        Path launcher = Path.of("..").resolve(entry.path("path").asText()).resolve("pulumi-analyzer-" + pluginName);
        assertThat(launcher).isRegularFile().isExecutable();
    }
}
