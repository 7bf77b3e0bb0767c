package dev.multisite.stack.cli;

import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PreviewReader;
import dev.multisite.policy.Report;
import dev.multisite.policy.PartPreviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code multisite check}: the policy gate over a {@code pulumi preview --json} document. */
@Command(name = "check",
        description = {"Evaluate the policy rules on `pulumi preview --json` documents and print the violations by level.",
                "A document is a real preview or ./multisite plan --json, exactly one per file. Stack-wide rules need every resource: use",
                "`pulumi preview --show-sames --json`; without it they are judged from the topology where they can be."},
        exitCodeList = {"0:no mandatory violation", "1:at least one mandatory violation", "2:unreadable input or config"})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(paramLabel = "PREVIEW_JSON", arity = "1..*",
            description = {"The preview document; in fleet mode, one per part: given every part's, the stack-wide rules",
                    "see the whole fleet (one part alone is judged by its resource rules and topology rules)."})
    List<Path> previews;

    @Option(names = "--format", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--config", paramLabel = "FILE", description = "Rule settings (YAML): rule: level, or rule: {level: ..., param: value}.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Both readers refuse what is not theirs with one line (exit 2), before any rule runs.
        var stack = previews.size() == 1 ? PreviewReader.read(previews.get(0))
                : PartPreviews.union(previews.stream().map(PreviewReader::readPreview).toList());
        var settings = config == null ? PolicyConfig.DEFAULTS : PolicyConfig.read(config);
        var report = Report.of(stack, settings);
        spec.commandLine().getOut().print(format == Format.json ? report.json() + "\n" : report.text());
        spec.commandLine().getOut().flush();
        return report.blocksDeploy() ? 1 : 0;
    }
}
