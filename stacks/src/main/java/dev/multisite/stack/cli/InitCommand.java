package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.multisite.topology.CloudProvider;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code multisite init}: writes a valid example stack file of N sites (a starting point, and the benchmark's input). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a valid example stack file with N sites spread over the chosen providers.")
final class InitCommand implements Callable<Integer> {
    /** Longest --domain: the generated names ({@code app.<domain>}, {@code <site>.app.<domain>}) must stay within 253. */
    static final int MAX_DOMAIN = 200;
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1," + MAX_DOMAIN + "}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    @Option(names = "--sites", defaultValue = "5", description = "Number of sites, 2..63 (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--providers", split = ",", defaultValue = "aws,gcp,azure,existing",
            description = "Providers to spread the sites over, round-robin (default: ${DEFAULT-VALUE}).")
    List<String> providers;

    @Option(names = "--domain", defaultValue = "example.com", description = "The stack's DNS domain (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Every option is checked before anything is generated or written.
        var cli = spec.commandLine();
        if (sites < 2 || sites > ExampleTopology.MAX_SITES) {
            throw new ParameterException(cli, "--sites " + sites + " is outside 2.." + ExampleTopology.MAX_SITES);
        }
        List<CloudProvider> chosen = providers(cli);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new ParameterException(cli, "--domain: '" + TopologyLimits.quote(domain) + "' is not a lowercase DNS name of at most "
                    + MAX_DOMAIN + " characters; write it like example.com");
        }
        if (out != null) {
            OutputFiles.checkFile(cli, "--out", out);
        }
        String text = YAML.writeValueAsString(ExampleTopology.stackFile(sites, chosen, domain));
        // Whatever init writes must plan: the generated file goes through the same parser first.
        try {
            StackFile.parse(text, out != null ? out : Path.of("Pulumi.init.yaml"));
        } catch (TopologyException e) {
            throw new ParameterException(cli, "--sites " + sites + " --providers " + String.join(",", providers) + " --domain " + domain
                    + " give a stack that does not validate: " + e.problems().get(0));
        }
        if (out == null) {
            cli.getOut().print(text);
        } else {
            OutputFiles.write(out, text);
        }
        return 0;
    }

    private List<CloudProvider> providers(CommandLine cli) {
        List<CloudProvider> chosen = providers.stream().map(p -> {
            try {
                return CloudProvider.valueOf(p.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cli, "--providers: '" + TopologyLimits.quote(p) + "' is not a provider; use aws, gcp, azure or existing");
            }
        }).toList();
        if (chosen.isEmpty()) {
            throw new ParameterException(cli, "--providers: empty; list one or more of aws, gcp, azure, existing");
        }
        if (chosen.stream().allMatch(p -> p == CloudProvider.EXISTING)) {
            // Existing sites connect only to cloud hubs: without one every site would be isolated.
            throw new ParameterException(cli, "--providers: 'existing' alone leaves every site isolated; add aws, gcp or azure for the hubs existing sites connect to");
        }
        return chosen;
    }
}
