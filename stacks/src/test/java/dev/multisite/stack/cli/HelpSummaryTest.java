package dev.multisite.stack.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29: {@code ./multisite --help} (and {@code fleet --help}) lists each command with the first
 * line of its description, cut there; that line must be one whole sentence, not the start of one.
 */
class HelpSummaryTest {

    @Test
    void everyCommandSummaryInHelpIsOneWholeSentence() {
        List<CommandLine> parents = List.of(MultisiteCli.commandLine(), MultisiteCli.commandLine().getSubcommands().get("fleet"));
        List<String> checked = new ArrayList<>();
        for (CommandLine parent : parents) {
            String help = parent.getUsageMessage(CommandLine.Help.Ansi.OFF);
            // The Commands: section, wrapped lines joined, so a summary is compared as the reader sees it.
            String listing = help.substring(help.indexOf("Commands:")).replaceAll("\\s+", " ");
            parent.getSubcommands().forEach((name, sub) -> {
                if (name.equals("help")) {
                    return;
                }
                String[] description = sub.getCommandSpec().usageMessage().description();
                assertThat(description).as(name).isNotEmpty();
                String summary = description[0].strip();
                assertThat(summary).as("%s: the summary --help shows", name)
                        .matches("[A-Z].*\\.")
                        // One sentence: no full stop inside it (a file name like Pulumi.yaml is not one).
                        .doesNotContainPattern("\\.\\s");
                assertThat(listing).as("%s: listed whole in %s --help", name, parent.getCommandName()).contains(name + " " + summary);
                checked.add(name);
            });
        }
        assertThat(checked).contains("plan", "check", "drill", "runbook", "schema", "parts", "fleet", "preview", "up", "destroy", "export");
    }
}
