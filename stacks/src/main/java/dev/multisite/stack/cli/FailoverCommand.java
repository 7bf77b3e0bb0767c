package dev.multisite.stack.cli;

import picocli.CommandLine.Command;

/** {@code multisite failover}: the executable plan for losing a site, whether it can meet its targets, and running it. */
@Command(name = "failover",
        description = {"Plan, evaluate and run the failover of a lost site, and measure it.",
                "plan: the steps for losing a site; evaluate: whether the plan can meet its targets now; run: execute it",
                "(in the lab of real DNS servers, resolvers and PostgreSQL, or as a dry run against a stack)."},
        subcommands = {FailoverPlanCommand.class, FailoverEvaluateCommand.class, FailoverRunCommand.class})
final class FailoverCommand {
}
