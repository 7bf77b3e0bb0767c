package dev.multisite.stack.cli;

import dev.multisite.parts.StackName;
import dev.multisite.stack.PartChoice;
import dev.multisite.stack.plan.StackFile;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What every fleet command checks before anything starts: a part's timeout in range, and a stack
 * file that is the fleet's own (not one part's) and named as Pulumi names stacks.
 */
final class FleetStackFile {
    /** One day: a longer bound is no bound for a CI job. */
    static final long MAX_TIMEOUT_SECONDS = 86_400;

    private FleetStackFile() {
    }

    static StackFile read(StackChoice choice, CommandLine cli, long timeoutSeconds) {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new ParameterException(cli, "--timeout-seconds: " + timeoutSeconds + " is outside 1.." + MAX_TIMEOUT_SECONDS);
        }
        StackFile stack = choice.read();
        PartChoice.requireFleetStack(stack.path(), stack.config());
        String badName = StackName.problem("stack name", stack.stackName());
        if (badName != null) {
            throw new ParameterException(cli, stack.path().getFileName() + ": " + badName + " (the file is Pulumi.<stack>.yaml)");
        }
        return stack;
    }
}
