package dev.multisite.topology;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of the CIDR arithmetic every allocator (subnets, tunnel inside networks) builds on. */
class CidrPropertyTest {

    @Provide
    Arbitrary<Cidr> cidrs() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL), Arbitraries.integers().between(0, 32))
                .as((address, prefix) -> new Cidr(address & mask(prefix), prefix));
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0L : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Property
    void itsTextParsesBackToItself(@ForAll("cidrs") Cidr cidr) {
        assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
        assertThat(cidr.lastAddress() - cidr.network() + 1).isEqualTo(cidr.size());
        assertThat(cidr.lastAddress()).isLessThanOrEqualTo(0xFFFFFFFFL);
    }

    @Property
    void anAddressWithHostBitsIsRefusedWithItsCanonicalBlock(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long address,
                                                            @ForAll @IntRange(min = 0, max = 31) int prefix) {
        long hostBits = address & ~mask(prefix) & 0xFFFFFFFFL;
        String text = new Cidr(address & mask(32), 32).toString().replace("/32", "/" + prefix);
        if (hostBits == 0) {
            assertThat(Cidr.parse(text).network()).isEqualTo(address);
        } else {
            assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("did you mean " + new Cidr(address & mask(prefix), prefix) + "?");
        }
    }

    @Property
    void subnetsAreInsideDisjointAndAdjacent(@ForAll("cidrs") Cidr parent, @ForAll @IntRange(min = 0, max = 8) int extraBits,
                                              @ForAll @IntRange(min = 0, max = 255) int index) {
        int prefix = Math.min(32, parent.prefixLength() + extraBits);
        long count = 1L << (prefix - parent.prefixLength());
        int i = (int) (index % count);
        Cidr subnet = parent.subnet(prefix, i);
        assertThat(subnet.prefixLength()).isEqualTo(prefix);
        assertThat(parent.contains(subnet)).isTrue();
        assertThat(subnet.network()).isEqualTo(parent.network() + i * subnet.size());
        if (i + 1 < count) {
            Cidr next = parent.subnet(prefix, i + 1);
            assertThat(next.overlaps(subnet)).isFalse();
            assertThat(next.network()).isEqualTo(subnet.lastAddress() + 1);
        } else {
            assertThat(subnet.lastAddress()).isEqualTo(parent.lastAddress());
            assertThatThrownBy(() -> parent.subnet(prefix, i + 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void overlapIsSymmetricAndContainmentImpliesIt(@ForAll("cidrs") Cidr a, @ForAll("cidrs") Cidr b) {
        assertThat(a.overlaps(b)).isEqualTo(b.overlaps(a));
        assertThat(a.overlaps(a)).isTrue();
        if (a.contains(b)) {
            assertThat(a.overlaps(b)).isTrue();
            assertThat(a.prefixLength()).isLessThanOrEqualTo(b.prefixLength());
        }
        // Two CIDR blocks either nest or are disjoint.
        assertThat(a.overlaps(b)).isEqualTo(a.contains(b) || b.contains(a));
    }

    @Property
    void everyAddressOfABlockIsInsideIt(@ForAll("cidrs") Cidr cidr, @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long offset) {
        long inside = offset % cidr.size();
        Cidr host = Cidr.parse(cidr.address(inside) + "/32");
        assertThat(cidr.contains(host)).isTrue();
        assertThatThrownBy(() -> cidr.address(cidr.size())).isInstanceOf(IllegalArgumentException.class);
    }
}
