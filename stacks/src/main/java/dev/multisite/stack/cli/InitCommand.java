package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.multisite.topology.CloudProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code multisite init}: writes a valid example stack file of N sites (a starting point, and the benchmark's input). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a valid example stack file with N sites spread over the chosen providers.")
final class InitCommand implements Callable<Integer> {
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
        List<CloudProvider> chosen = providers.stream().map(p -> {
            try {
                return CloudProvider.valueOf(p.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--providers: '" + p + "' is not a provider; use aws, gcp, azure or existing");
            }
        }).toList();
        var yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        String text;
        try {
            text = yaml.writeValueAsString(ExampleTopology.stackFile(sites, chosen, domain));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
        } else {
            Files.writeString(out, text);
        }
        return 0;
    }
}
