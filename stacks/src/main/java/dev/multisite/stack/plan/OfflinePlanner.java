package dev.multisite.stack.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import dev.multisite.offline.OfflineEngine;
import dev.multisite.offline.OfflineKubeconfig;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlanMocks;
import dev.multisite.stack.MultisiteStack;
import dev.multisite.stack.SecretConfig;
import dev.multisite.topology.Topology;

import java.util.function.BiConsumer;

/**
 * The offline plan: the real stack program run by {@link OfflineEngine} (the SDK's mock engine with
 * realistic outputs). No cloud, no credentials, no Pulumi CLI.
 */
public final class OfflinePlanner {
    public static final String PROJECT = "multisite";

    private OfflinePlanner() {
    }

    /** Plans the composition for a topology, with placeholder secrets. */
    public static Plan plan(String stackName, Topology topology) {
        return plan(stackName, topology, new PlanMocks(), (ctx, t) -> MultisiteStack.define(ctx, t, offlineSecrets()));
    }

    /** Plans any program body with the topology (tests use this to plan one component alone). */
    public static Plan plan(String stackName, Topology topology, Mocks mocks, BiConsumer<Context, Topology> program) {
        return OfflineEngine.run(PROJECT, stackName, mocks, ctx -> program.accept(ctx, topology));
    }

    /** Secret config values the offline plan cannot decrypt: well-formed placeholders, still secret. */
    public static SecretConfig offlineSecrets() {
        return key -> Output.ofSecret(OfflineKubeconfig.forConfigKey(key));
    }

}
