package dev.multisite.stack;

import dev.multisite.offline.PlanMocks;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A topology built in Java code, not parsed from stack config, gets the parser's invariants and
 * messages before anything is registered.
 */
class CodeBuiltTopologyTest {

    private static Topology withSites(Topology t, List<SiteSpec> sites) {
        return new Topology(t.domain(), t.environment(), t.peakDemand(), sites, t.traffic(), t.data(), t.mesh(), t.gitops(), t.network());
    }

    @Test
    void aDuplicatedSiteIsRefusedWithTheParsersMessageBeforeAnyResource() {
        Topology dev = ExampleStacks.read("dev").topology();
        List<SiteSpec> sites = new ArrayList<>(dev.sites());
        sites.add(dev.sites().get(0));
        var registered = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new PlanMocks() {
            @Override
            public java.util.concurrent.CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registered.incrementAndGet();
                return super.newResourceAsync(args);
            }
        };
        assertThatThrownBy(() -> OfflinePlanner.plan("dev", withSites(dev, sites), counting,
                (ctx, topology) -> MultisiteStack.define(ctx, topology, OfflinePlanner.offlineSecrets())))
                .hasMessageContaining("sites[" + dev.sites().get(0).name() + "]")
                .hasMessageContaining("already");
        assertThat(registered).as("custom resources registered").hasValue(0);
    }

    @Test
    void theParsedTopologyPassesTheSameChecks() {
        Topology dev = ExampleStacks.read("dev").topology();
        assertThat(dev.validated()).isSameAs(dev);
        assertThatThrownBy(() -> withSites(dev, List.of(dev.sites().get(0))).validated())
                .isInstanceOf(TopologyException.class).hasMessageContaining("at least 2 sites");
    }
}
