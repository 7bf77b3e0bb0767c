package dev.multisite.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.fleet.Fleet;
import dev.multisite.fleet.FleetArgs;
import dev.multisite.fleet.ThreeSites;
import dev.multisite.offline.OfflineEngine;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlanMocks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two AWS sites join through one Cloud WAN core network: an edge per region, a peering and route table attachment per site. */
class CloudWanTest {

    @Test
    void eachAwsSiteJoinsTheCoreNetworkOfTheStack() throws Exception {
        Plan plan = OfflineEngine.run("multisite", "components", new PlanMocks(),
                ctx -> new Fleet("fleet", FleetArgs.fromTopology(ThreeSites.tree(), Map.of()), ComponentResourceOptions.Empty));
        assertThat(plan.ofType("aws:networkmanager/coreNetwork:CoreNetwork")).hasSize(1);
        var policy = plan.ofType("aws:networkmanager/coreNetworkPolicyAttachment:CoreNetworkPolicyAttachment").get(0);
        var document = new ObjectMapper().readTree(policy.inputs().path("policyDocument").asText());
        assertThat(document.path("core-network-configuration").path("edge-locations").findValuesAsText("location"))
                .containsExactly("us-east-1", "eu-west-1");
        assertThat(plan.ofType("aws:networkmanager/transitGatewayPeering:TransitGatewayPeering")).extracting(r -> r.name())
                .containsExactlyInAnyOrder("aws-use1-net-wan-peering", "aws-euw1-net-wan-peering");
        // The association's required attachment id comes from the peering (the offline mock fills it, as AWS does).
        assertThat(plan.ofType("aws:ec2transitgateway/policyTableAssociation:PolicyTableAssociation")).hasSize(2)
                .allSatisfy(r -> assertThat(r.inputs().path("transitGatewayAttachmentId").asText()).startsWith("tgw-attach-"));
        assertThat(plan.ofType("aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment")).hasSize(2);
        assertThat(plan.ofType("aws:ec2transitgateway/peeringAttachment:PeeringAttachment")).isEmpty();
        // The GCP site gets tunnels from both AWS hubs (first to first, the single GCP hub to the second).
        assertThat(plan.ofType("gcp:compute/vPNTunnel:VPNTunnel")).extracting(r -> r.name())
                .anyMatch(n -> n.startsWith("gcp-euw4-net-tun-aws-use1-")).anyMatch(n -> n.startsWith("gcp-euw4-net-tun-aws-euw1-"));
    }
}
