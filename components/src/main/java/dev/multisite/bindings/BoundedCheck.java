package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Map;

/**
 * A bounded wait for something a cloud documents as taking effect some time after it exists (a
 * role assignment, an IAM role's trust): a {@link LocalCommand} that runs a probe every
 * {@code intervalSeconds}, at most {@code attempts} times, exits 0 as soon as it passes (after an
 * optional settle delay) and otherwise fails with one clear line, so everything that depends on it
 * waits. The one place that builds such a check; each use supplies only its probe and message.
 */
public final class BoundedCheck {
    private BoundedCheck() {
    }

    /**
     * The script, a pure function of its arguments so the plan shows exactly what runs.
     *
     * @param setup          lines run once before the loop (may be empty)
     * @param probe          a command that succeeds once the change has taken effect
     * @param settleSeconds  seconds to wait after the probe first passes (0: none)
     * @param failure        the one line printed (to stderr, prefixed "error: ") when the probe never passes
     */
    public static String script(String setup, String probe, int attempts, int intervalSeconds, int settleSeconds, String failure) {
        String onSuccess = settleSeconds > 0 ? "    sleep " + settleSeconds + "\n    exit 0\n" : "    exit 0\n";
        return "set -u\n" + setup
                + "for attempt in $(seq 1 " + attempts + "); do\n"
                + "  if " + probe + "; then\n"
                + onSuccess
                + "  fi\n"
                + "  sleep " + intervalSeconds + "\n"
                + "done\n"
                + "echo \"error: " + failure + "\" >&2\n"
                + "exit 1\n";
    }

    /** The check {@code name}, run by its own command provider {@code providerName} under {@code parent}. */
    public static LocalCommand create(String name, String providerName, String script, Output<Map<String, String>> environment,
                                      Resource parent) {
        var provider = new CommandProvider(providerName, CustomResourceOptions.builder().parent(parent).build());
        return new LocalCommand(name, new LocalCommand.Args(script, environment),
                CustomResourceOptions.builder().parent(parent).provider(provider).build());
    }
}
