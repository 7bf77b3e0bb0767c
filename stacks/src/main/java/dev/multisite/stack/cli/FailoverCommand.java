package dev.multisite.stack.cli;

import picocli.CommandLine.Command;

/** {@code multisite failover}: the executable plan for losing a site, whether it can meet its targets, and running it. */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = {"Failover you can execute and measure: plan (the steps for losing a site), evaluate (can the plan meet",
                "its targets now) and run (execute it in the lab of real DNS servers, resolvers and PostgreSQL)."},
        subcommands = {FailoverPlanCommand.class, FailoverEvaluateCommand.class, FailoverRunCommand.class})
final class FailoverCommand {
}
