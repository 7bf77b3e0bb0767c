package dev.multisite.stack;

import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.FleetArgs;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlanMocks;
import dev.multisite.stack.plan.OfflinePlanner;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.Environment;
import dev.multisite.topology.GcpSettings;
import dev.multisite.topology.KubernetesSettings;
import dev.multisite.topology.MeshSettings;
import dev.multisite.topology.NetworkSettings;
import dev.multisite.topology.NodePool;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A Fleet built in Java code, from the topology records and no YAML, gets the parser's invariants
 * and messages, and a broken one registers nothing: not a child, not the fleet itself.
 */
class FleetFromCodeTest {

    private static SiteSpec site(String name, CloudProvider provider, String region, int octet, int clusterId, Cidr vpcCidr) {
        var network = new NetworkSettings(vpcCidr, Cidr.parse("100." + (64 + octet) + ".0.0/16"), Cidr.parse("172.16." + (16 * octet) + ".0/20"),
                64600L + octet);
        var kubernetes = new KubernetesSettings("1.31", List.of(Cidr.parse("203.0.113.0/24")),
                List.of(new NodePool("system", provider == CloudProvider.AWS ? "m6i.large" : "e2-standard-4", 2, 4)));
        var gcp = provider == CloudProvider.GCP ? new GcpSettings("multisite-code", Cidr.parse("192.168.0." + (16 * octet) + "/28"), null) : null;
        return new SiteSpec(name, provider, region, 100, network, new MeshSettings(clusterId), kubernetes, null, gcp, null, null);
    }

    private static SiteSpec site(String name, CloudProvider provider, String region, int octet, int clusterId) {
        return site(name, provider, region, octet, clusterId, Cidr.parse("10." + octet + ".0.0/16"));
    }

    private static Topology fleet(List<SiteSpec> sites) {
        return new Topology("code.example.com", Environment.DEVELOPMENT, null, sites, null, null, null, null, null);
    }

    /** Plans {@code new Fleet(...)} and returns the types the engine saw registered, or the failure. */
    private static Object run(Topology topology, List<String> registered) {
        var recording = new PlanMocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs resource) {
                registered.add(resource.type);
                return super.newResourceAsync(resource);
            }
        };
        try {
            return OfflinePlanner.plan("code", ExampleStacks.read("dev").topology(), recording,
                    (ctx, ignored) -> new Fleet("fleet", FleetArgs.of(topology, Map.of()), ComponentResourceOptions.Empty));
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void aValidFleetFromCodePlans() {
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        Object result = run(fleet(List.of(site("aws-a", CloudProvider.AWS, "us-east-1", 1, 1), site("gcp-b", CloudProvider.GCP, "europe-west4", 2, 2))), registered);
        assertThat(result).isInstanceOf(Plan.class);
        assertThat(((Plan) result).ofType(Fleet.TYPE)).hasSize(1);
        assertThat(registered).contains("aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster");
    }

    @Test
    void duplicateClusterIdsGetTheParsersMessageAndNothingIsRegistered() {
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        Object result = run(fleet(List.of(site("aws-a", CloudProvider.AWS, "us-east-1", 1, 7), site("gcp-b", CloudProvider.GCP, "europe-west4", 2, 7))), registered);
        assertThat(result).isInstanceOf(RuntimeException.class);
        assertThat(((Throwable) result).getMessage())
                .contains("sites[gcp-b].mesh.clusterId: 7 is already used by aws-a; choose a unique value in 1..255");
        assertThat(registered).isEmpty();
    }

    @Test
    void overlappingRangesGetTheParsersMessageAndNothingIsRegistered() {
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        var sites = List.of(site("aws-a", CloudProvider.AWS, "us-east-1", 1, 1),
                site("gcp-b", CloudProvider.GCP, "europe-west4", 2, 2, Cidr.parse("10.1.128.0/17")));
        Object result = run(fleet(sites), registered);
        assertThat(result).isInstanceOf(RuntimeException.class);
        assertThat(((Throwable) result).getMessage()).contains("sites[gcp-b].network.vpcCidr: 10.1.128.0/17 overlaps");
        assertThat(registered).isEmpty();
    }
}
