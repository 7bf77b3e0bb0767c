package dev.multisite.stack.cli;

import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.PlanCommandTest.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.multisite.stack.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `multisite fleet migrate`: the printed commands, as the real CLI takes them (`pulumi state move --help`, v3.257.0). */
class FleetMigrateCommandTest {

    @Test
    void printsAStackInitAndOneStateMovePerPartWithQuotedUrnsAndTheFleetRootLast() {
        Run r = run("fleet", "migrate", "--stack-file", ExampleStacks.file("dev").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        // Every provider of the fleet is a component's child: the known refusal of pulumi state move is said first.
        assertThat(lines.get(0)).startsWith("# warning: ").contains("providers of this stack are children of resources that move");
        lines = lines.subList(1, lines.size());
        assertThat(lines.get(0)).startsWith("# ").contains("moves of stack dev into its parts");
        List<String> moves = lines.stream().filter(l -> l.startsWith("pulumi state move ")).toList();
        List<String> inits = lines.stream().filter(l -> l.startsWith("pulumi stack init ")).toList();
        assertThat(moves).isNotEmpty().hasSameSizeAs(inits);
        for (int i = 1; i < lines.size(); i += 2) {
            String part = lines.get(i).substring("pulumi stack init dev-".length());
            // --source and --dest are the real flags; without --yes pulumi asks before each move.
            assertThat(lines.get(i + 1)).startsWith("pulumi state move --source dev --dest dev-" + part + " 'urn:pulumi:dev::multisite::")
                    .doesNotContain("--yes");
        }
        assertThat(moves.get(moves.size() - 1)).as("the fleet root goes last, to the shared part")
                .isEqualTo("pulumi state move --source dev --dest dev-shared 'urn:pulumi:dev::multisite::pulumi:pulumi:Stack$multisite:index:Fleet::fleet'");
    }

    @Test
    void aQuoteInAnArgumentIsKeptBySingleQuoting() {
        assertThat(FleetMigrateCommand.shell(List.of("state", "move", "a$b", "it's")))
                .isEqualTo("pulumi state move 'a$b' 'it'\\''s'");
    }

    @Test
    void executeWithoutAPulumiCliSaysSoInOneLineAndMovesNothing() {
        String before = System.getProperty(FleetCommand.PULUMI_PROPERTY);
        System.setProperty(FleetCommand.PULUMI_PROPERTY, "/nonexistent/pulumi");
        try {
            Run r = run("fleet", "migrate", "--stack-file", ExampleStacks.file("dev").toString(), "--execute", "--timeout-seconds", "5");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip().lines()).hasSize(1).first().asString().startsWith("fleet migrate: ").endsWith("nothing was moved");
        } finally {
            if (before == null) {
                System.clearProperty(FleetCommand.PULUMI_PROPERTY);
            } else {
                System.setProperty(FleetCommand.PULUMI_PROPERTY, before);
            }
        }
    }
}
