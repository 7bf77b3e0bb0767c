package dev.multisite.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.offline.OfflineEngine;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlanException;
import dev.multisite.offline.PlanMocks;
import dev.multisite.offline.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Fleet component alone, under the offline engine: what it registers, its outputs, and what it refuses. */
class FleetTest {

    /** Plans a fleet whose args are made inside the program, as a stack program makes them (a parse failure fails the plan). */
    private static Plan plan(Supplier<FleetArgs> args) {
        return OfflineEngine.run("multisite", "components", new PlanMocks(), ctx -> {
            var fleet = new Fleet("fleet", args.get(), ComponentResourceOptions.Empty);
            fleet.outputs().forEach(ctx::export);
        });
    }

    @Test
    void everyResourceHangsOffTheFleetAndItsOutputsAreTheStacks() {
        Plan plan = plan(() -> FleetArgs.fromTopology(ThreeSites.tree(), Map.of()));
        var fleet = plan.ofType(Fleet.TYPE).get(0);
        String stack = plan.ofType("pulumi:pulumi:Stack").get(0).urn();
        assertThat(fleet.parent()).isEqualTo(stack);
        assertThat(plan.resources()).filteredOn(r -> !r.type().equals("pulumi:pulumi:Stack") && !r.type().equals(Fleet.TYPE))
                .isNotEmpty().extracting(PlannedResource::parent).doesNotContain(stack);
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("multisite:site:"))
                .extracting(PlannedResource::parent).containsOnly(fleet.urn());
        assertThat(plan.outputs()).containsKeys("siteNames", "clusterNames", "clusterEndpoints", "kubeconfigs", "interconnect",
                "meshApiserverAddresses");
        assertThat(plan.outputs().get("kubeconfigs").asText()).isEqualTo("[secret]");
        assertThat(plan.outputs().get("interconnect").path("hubs").path("aws")).hasSize(2);
    }

    @Test
    void aBrokenTopologyGetsTheParsersMessageAndRegistersNothing() {
        var tree = (ObjectNode) ThreeSites.tree();
        ((ObjectNode) tree.withArray("sites").get(1).path("mesh")).put("clusterId", 1);
        var failure = catchThrowableOfType(PlanException.class, () -> plan(() -> FleetArgs.fromTopology(tree, Map.of())));
        assertThat(failure.getMessage()).contains("sites[aws-euw1].mesh.clusterId: 1 is already used by aws-use1");
    }

    @Test
    void aSecretTheTopologyNamesMustBeGiven() {
        var tree = (ObjectNode) ThreeSites.tree();
        var metal = tree.withArray("sites").addObject();
        metal.put("name", "metal-fra").put("provider", "existing").put("region", "fra-dc1").put("capacity", 10);
        metal.putObject("network").put("vpcCidr", "10.13.0.0/16").put("podCidr", "100.83.0.0/16").put("serviceCidr", "172.20.48.0/20")
                .put("asn", 64604);
        metal.putObject("mesh").put("clusterId", 4);
        metal.putObject("kubernetes").put("version", "1.31");
        metal.putObject("existing").put("kubeconfig", "metal-fra-kubeconfig").putObject("vpn").put("publicIp", "203.0.113.10");
        var failure = catchThrowableOfType(PlanException.class, () -> plan(() -> FleetArgs.fromTopology(tree, Map.of())));
        assertThat(failure.getMessage()).contains("secrets.metal-fra-kubeconfig: required; sites[metal-fra].existing.kubeconfig names this secret");
    }
}
