package dev.multisite.stack.cli;

import dev.multisite.stack.fleet.export.FleetSource;
import dev.multisite.stack.fleet.export.GithubWorkflow;
import dev.multisite.stack.fleet.export.OperatorStacks;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.TopologyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code multisite fleet export}: a fleet-mode stack's part graph as something that deploys it,
 * part by part and in order, without this CLI: Pulumi Kubernetes Operator Stack resources
 * ({@code --engine operator}) or a GitHub Actions workflow ({@code --engine github}).
 */
@Command(name = "export",
        description = {"Export a fleet stack's parts for another engine to deploy in graph order.",
                "  operator  one Pulumi Kubernetes Operator Stack resource per part (spec.prerequisites = the part graph)",
                "  github    one GitHub Actions workflow, one job per part (needs: = the part graph)"},
        exitCodeList = {"0:exported", "2:invalid stack file, topology or option (one line on stderr)"})
final class FleetExportCommand extends StackCommand {

    enum Engine {
        OPERATOR, GITHUB;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Accepts the engines in lower case, as the help lists them. */
    static final class EngineConverter implements CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine engine : Engine.values()) {
                if (engine.toString().equals(value)) {
                    return engine;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not an engine; use operator or github");
        }
    }

    @Option(names = "--engine", required = true, paramLabel = "ENGINE", converter = EngineConverter.class,
            description = "operator or github.")
    Engine engine;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--repo", paramLabel = "URL", description = "operator: git URL the operator clones (required; no default).")
    String repo;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "operator: branch to follow (default main); or --commit.")
    String branch;

    @Option(names = "--commit", paramLabel = "SHA", description = "operator: commit to deploy instead of a branch.")
    String commit;

    @Option(names = "--repo-dir", paramLabel = "DIR", description = "operator: directory of Pulumi.yaml in the repository (default its root).")
    String repoDir;

    @Option(names = "--organization", paramLabel = "ORG", defaultValue = "organization",
            description = "operator: Pulumi organization of the part stacks (default ${DEFAULT-VALUE}).")
    String organization;

    @Option(names = "--namespace", paramLabel = "NS", description = "operator: namespace of the Stack resources and Secrets (default: kubectl's current one).")
    String namespace;

    @Option(names = "--access-token-secret", paramLabel = "NAME", defaultValue = "pulumi-api-secret",
            description = "operator: Secret holding the Pulumi token under key accessToken (default ${DEFAULT-VALUE}).")
    String accessTokenSecret;

    @Option(names = "--cloud-credentials-secret", paramLabel = "NAME", defaultValue = "multisite-cloud-credentials",
            description = "operator: Secret holding cloud credential variables, keyed by variable name (default ${DEFAULT-VALUE}).")
    String cloudCredentialsSecret;

    @Option(names = "--secret-config-secret", paramLabel = "NAME",
            description = "operator: Secret holding the secret config, keyed as in MULTISITE_SECRET_CONFIG (default multisite-<stack>-secret-config).")
    String secretConfigSecret;

    @Option(names = "--prerequisite-max-age", paramLabel = "DURATION",
            description = "operator: a prerequisite must have succeeded within this long (e.g. 1h), else it runs again first; default: any success.")
    String prerequisiteMaxAge;

    @Option(names = "--service-account", paramLabel = "NAME", description = "operator: service account of the stacks' workspaces.")
    String serviceAccount;

    /** Options that only the operator engine reads. */
    private static final List<String> OPERATOR_ONLY = List.of("--repo", "--branch", "--commit", "--repo-dir", "--organization", "--namespace",
            "--access-token-secret", "--cloud-credentials-secret", "--secret-config-secret", "--prerequisite-max-age", "--service-account");

    /** What one engine exports: one file. */
    private record Export(Path file, String text) {
    }

    /** Checked before the stack file is read, so a missing option costs nothing. */
    @Override
    void checkOptions(CommandLine cli) {
        if (engine == Engine.OPERATOR && (repo == null || repo.isBlank())) {
            throw new TopologyException("--repo: required for --engine operator; name the git URL the operator clones, e.g. --repo https://github.com/acme/infra.git");
        }
        if (engine == Engine.GITHUB) {
            for (String option : OPERATOR_ONLY) {
                if (cli.getParseResult().hasMatchedOption(option)) {
                    throw new TopologyException(option + ": applies to --engine operator only; the workflow checks out its own repository");
                }
            }
        }
        OutputFiles.checkDirectoryTarget(cli, "--out", out);
    }

    @Override
    int run(StackFile stack, PrintWriter stdout) {
        FleetSource fleet = FleetSource.of(stack);
        Export export = switch (engine) {
            case OPERATOR -> {
                var options = new OperatorStacks.Options(organization, repo, branch, commit, repoDir, namespace, accessTokenSecret,
                        cloudCredentialsSecret, secretConfigSecret != null ? secretConfigSecret : OperatorStacks.defaultSecretConfigSecret(fleet.fleetStack()),
                        prerequisiteMaxAge, serviceAccount);
                yield new Export(out.resolve(OperatorStacks.fileName(fleet.fleetStack())), OperatorStacks.yaml(fleet, OperatorStacks.stacks(fleet, options)));
            }
            case GITHUB -> new Export(out.resolve(GithubWorkflow.fileName(fleet.fleetStack())), GithubWorkflow.yaml(fleet, GithubWorkflow.workflow(fleet)));
        };
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out: " + out + ": cannot be created (" + e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + "); name a directory you can write");
        }
        OutputFiles.write(export.file(), export.text());
        stdout.println("wrote " + export.file() + " (" + fleet.graph().parts().size() + " parts of " + fleet.fleetStack() + ", engine " + engine + ")");
        return 0;
    }
}
