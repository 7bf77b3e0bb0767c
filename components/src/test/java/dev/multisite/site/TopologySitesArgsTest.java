package dev.multisite.site;

import dev.multisite.data.DatabaseTopologyArgs;
import dev.multisite.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every args record of the topology and the sites (built by a {@link TopologySitesBuilder})
 * does with its sites; each record's own test checks its topology.
 */
class TopologySitesArgsTest {

    /** One such record: its name, builder, canonical constructor, accessors and a topology it accepts. */
    record Layer<T>(String record, Supplier<TopologySitesBuilder<T>> builder, BiFunction<Topology, List<Site>, T> make,
                    Function<T, Topology> topologyOf, Function<T, List<Site>> sitesOf, Topology topology) {
        @Override
        public String toString() {
            return record;
        }
    }

    static Stream<Layer<?>> layers() {
        return Stream.of(
                new Layer<>("DatabaseTopologyArgs", DatabaseTopologyArgs::builder, DatabaseTopologyArgs::new,
                        DatabaseTopologyArgs::topology, DatabaseTopologyArgs::sites,
                        TwoSites.topology("data", "{mode: primary-replica, primary: aws-use1, replicas: all}")));
    }

    @ParameterizedTest
    @MethodSource("layers")
    <T> void buildsWithEverySiteInOrder(Layer<T> layer) {
        List<Site> sites = new ArrayList<>(TwoSites.sites(layer.topology()));
        T args = layer.builder().get().topology(layer.topology()).sites(sites).build();
        sites.clear();
        assertThat(layer.topologyOf().apply(args)).isSameAs(layer.topology());
        // A copy: the caller's list changing later does not change the layer.
        assertThat(layer.sitesOf().apply(args)).extracting(Site::name).containsExactly("aws-use1", "gcp-euw4");
    }

    @ParameterizedTest
    @MethodSource("layers")
    <T> void sitesAreRequiredAndNotEmpty(Layer<T> layer) {
        Topology topology = layer.topology();
        assertThatThrownBy(() -> layer.builder().get().topology(topology).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(layer.record() + ".sites: required; every site of the stack, in topology order");
        assertThatThrownBy(() -> layer.make().apply(topology, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(layer.record() + ".sites: must not be empty; every site of the stack, in topology order");
        assertThatThrownBy(() -> layer.builder().get().topology(topology).sites(Arrays.asList(TwoSites.sites(topology).get(0), null)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(layer.record() + ".sites: entries must not be null; every site of the stack, in topology order");
    }
}
