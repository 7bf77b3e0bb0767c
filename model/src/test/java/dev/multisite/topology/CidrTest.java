package dev.multisite.topology;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {
    @Test
    void parsesAndPrintsCanonicalForm() {
        assertThat(Cidr.parse("10.1.0.0/16").toString()).isEqualTo("10.1.0.0/16");
        assertThat(Cidr.parse("10.1.0.0/16").size()).isEqualTo(65536);
    }

    @Test
    void overlapAndContainment() {
        var a = Cidr.parse("10.0.0.0/16");
        assertThat(a.overlaps(Cidr.parse("10.0.255.0/24"))).isTrue();
        assertThat(a.overlaps(Cidr.parse("10.1.0.0/24"))).isFalse();
        assertThat(a.contains(Cidr.parse("10.0.128.0/17"))).isTrue();
        assertThat(Cidr.parse("10.0.128.0/17").contains(a)).isFalse();
    }

    @Test
    void carvesSubnets() {
        var vpc = Cidr.parse("10.4.0.0/16");
        assertThat(vpc.subnet(18, 2).toString()).isEqualTo("10.4.128.0/18");
        assertThat(vpc.subnet(20, 12).toString()).isEqualTo("10.4.192.0/20");
        assertThat(vpc.address(10)).isEqualTo("10.4.0.10");
        assertThatThrownBy(() -> vpc.subnet(18, 4)).hasMessageContaining("holds 4 blocks of /18");
    }

    @Test
    void rejectsPrefixAbove32() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("allowed is /0../32");
    }
}
