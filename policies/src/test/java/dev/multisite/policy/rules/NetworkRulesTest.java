package dev.multisite.policy.rules;

import dev.multisite.policy.FixturesAccess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quota rule counts the mesh's node ports from the model's list, read from a preview's topology. */
class NetworkRulesTest {

    @Test
    void meshPortsFollowTheModel() {
        assertThat(NetworkRules.meshPorts(FixturesAccess.json("{}"))).isEqualTo(5);
        assertThat(NetworkRules.meshPorts(FixturesAccess.json("{'datapath':'native','encryption':'none'}"))).isEqualTo(3);
        assertThat(NetworkRules.meshPorts(FixturesAccess.json("{'datapath':'tunnel-geneve'}"))).isEqualTo(5);
        assertThat(NetworkRules.meshPorts(FixturesAccess.json("{'enabled':false}"))).isZero();
        assertThat(NetworkRules.meshPorts(FixturesAccess.json("{'datapath':'warp'}"))).as("unreadable: the defaults").isEqualTo(5);
    }
}
