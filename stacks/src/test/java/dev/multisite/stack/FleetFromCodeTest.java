package dev.multisite.stack;

import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.FleetArgs;
import dev.multisite.fleet.GcpArgs;
import dev.multisite.fleet.KubernetesArgs;
import dev.multisite.fleet.NodePoolArgs;
import dev.multisite.fleet.SiteArgs;
import dev.multisite.fleet.SiteMeshArgs;
import dev.multisite.fleet.SiteNetworkArgs;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlanMocks;
import dev.multisite.stack.plan.OfflinePlanner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A Fleet built in Java code, with the args builders and no YAML, gets the parser's invariants and
 * messages, and a broken one registers nothing: not a child, not the fleet itself.
 */
class FleetFromCodeTest {

    private static SiteArgs site(String name, String provider, String region, int octet, int clusterId) {
        var site = SiteArgs.builder().name(name).provider(provider).region(region).capacity(100)
                .network(SiteNetworkArgs.builder().vpcCidr("10." + octet + ".0.0/16").podCidr("100." + (64 + octet) + ".0.0/16")
                        .serviceCidr("172.16." + (16 * octet) + ".0/20").asn(64600.0 + octet).build())
                .mesh(SiteMeshArgs.builder().clusterId(clusterId).build())
                .kubernetes(KubernetesArgs.builder().version("1.31").apiAccessCidrs(List.of("203.0.113.0/24"))
                        .nodePools(List.of(NodePoolArgs.builder().name("system").machineType(provider.equals("aws") ? "m6i.large" : "e2-standard-4")
                                .min(2).max(4).build())).build());
        if (provider.equals("gcp")) {
            site.gcp(GcpArgs.builder().project("multisite-code").masterIpv4Cidr("192.168.0." + (16 * octet) + "/28").build());
        }
        return site.build();
    }

    private static FleetArgs fleet(List<SiteArgs> sites) {
        return FleetArgs.builder().domain("code.example.com").environment("development").sites(sites).secrets(Map.of()).build();
    }

    /** Plans {@code new Fleet(...)} and returns the types the engine saw registered, or the failure. */
    private static Object run(FleetArgs args, List<String> registered) {
        var recording = new PlanMocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs resource) {
                registered.add(resource.type);
                return super.newResourceAsync(resource);
            }
        };
        try {
            return OfflinePlanner.plan("code", ExampleStacks.read("dev").topology(), recording,
                    (ctx, ignored) -> new Fleet("fleet", args, ComponentResourceOptions.Empty));
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void aValidFleetFromCodePlans() {
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        Object result = run(fleet(List.of(site("aws-a", "aws", "us-east-1", 1, 1), site("gcp-b", "gcp", "europe-west4", 2, 2))), registered);
        assertThat(result).isInstanceOf(Plan.class);
        assertThat(((Plan) result).ofType(Fleet.TYPE)).hasSize(1);
        assertThat(registered).contains("aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster");
    }

    @Test
    void duplicateClusterIdsGetTheParsersMessageAndNothingIsRegistered() {
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        Object result = run(fleet(List.of(site("aws-a", "aws", "us-east-1", 1, 7), site("gcp-b", "gcp", "europe-west4", 2, 7))), registered);
        assertThat(result).isInstanceOf(RuntimeException.class);
        assertThat(((Throwable) result).getMessage())
                .contains("sites[gcp-b].mesh.clusterId: 7 is already used by aws-a; choose a unique value in 1..255");
        assertThat(registered).isEmpty();
    }

    @Test
    void overlappingRangesGetTheParsersMessageAndNothingIsRegistered() {
        List<String> registered = Collections.synchronizedList(new ArrayList<>());
        var overlapping = site("gcp-b", "gcp", "europe-west4", 2, 2);
        var sites = List.of(site("aws-a", "aws", "us-east-1", 1, 1), SiteArgs.builder().name("gcp-b").provider("gcp").region("europe-west4")
                .capacity(100).network(SiteNetworkArgs.builder().vpcCidr("10.1.128.0/17").podCidr("100.66.0.0/16")
                        .serviceCidr("172.16.32.0/20").asn(64602.0).build())
                .mesh(overlapping.mesh()).kubernetes(overlapping.kubernetes()).gcp(overlapping.gcp()).build());
        Object result = run(fleet(sites), registered);
        assertThat(result).isInstanceOf(RuntimeException.class);
        assertThat(((Throwable) result).getMessage()).contains("sites[gcp-b].network.vpcCidr: 10.1.128.0/17 overlaps");
        assertThat(registered).isEmpty();
    }
}
